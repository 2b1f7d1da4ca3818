namespace Screener.Binance.Transport;

/// <summary>One symbol of <c>exchangeInfo</c>, reduced to what subscription and sizing need.</summary>
/// <param name="Symbol">Uppercase symbol, for example <c>BTCUSDT</c>.</param>
/// <param name="Status"><c>TRADING</c>, <c>SETTLING</c>, <c>PENDING_TRADING</c>, <c>BREAK</c>…</param>
/// <param name="ContractType">Futures only: <c>PERPETUAL</c>, <c>TRADIFI_PERPETUAL</c>, <c>CURRENT_QUARTER</c>…; null on spot.</param>
/// <param name="BaseAsset">Base asset, for example <c>BTC</c>.</param>
/// <param name="QuoteAsset">Quote asset, for example <c>USDT</c>.</param>
/// <param name="TickSize"><c>PRICE_FILTER.tickSize</c>; 0 when absent.</param>
/// <param name="StepSize"><c>LOT_SIZE.stepSize</c>; 0 when absent.</param>
public sealed record ExchangeSymbol(
    string Symbol, string Status, string? ContractType, string BaseAsset, string QuoteAsset, decimal TickSize, decimal StepSize)
{
    /// <summary>True when the symbol is open for trading.</summary>
    public bool IsTrading => Status == "TRADING";
}
