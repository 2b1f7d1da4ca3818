namespace Screener.Contracts.Market;

/// <summary>A forced liquidation order (Binance <c>forceOrder</c>). Sell liquidates a long, buy a short.</summary>
/// <param name="FilledQuantity">Cumulative filled quantity (<c>z</c>); notional is about AveragePrice × FilledQuantity.</param>
public sealed record Liquidation(
    string Symbol, long TsEvent, long TsInit, long Sequence,
    Side Side, decimal Price, decimal AveragePrice, decimal Quantity, decimal FilledQuantity, string Status, long TsTrade)
    : MarketEvent(Symbol, TsEvent, TsInit, Sequence);
