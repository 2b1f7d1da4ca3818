namespace Screener.Contracts.Market;

/// <summary>An aggregated trade (Binance <c>aggTrade</c>): fills at one price from one taker side.</summary>
/// <param name="TradeId">Aggregate trade id.</param>
/// <param name="Aggressor">Taker side: <see cref="Side.Sell"/> when the buyer was the maker.</param>
/// <param name="TsTrade">Matching-engine trade time, UTC ticks.</param>
public sealed record Trade(
    string Symbol, long TsEvent, long TsInit, long Sequence,
    long TradeId, decimal Price, decimal Quantity, Side Aggressor, long TsTrade)
    : MarketEvent(Symbol, TsEvent, TsInit, Sequence);
