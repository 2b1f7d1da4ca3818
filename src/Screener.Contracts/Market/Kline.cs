namespace Screener.Contracts.Market;

/// <summary>A candlestick update; <paramref name="IsClosed"/> marks the final update of the interval.</summary>
public sealed record Kline(
    string Symbol, long TsEvent, long TsInit, long Sequence,
    string Interval, long OpenTime, long CloseTime,
    decimal Open, decimal High, decimal Low, decimal Close,
    decimal Volume, decimal QuoteVolume, long TradeCount, bool IsClosed)
    : MarketEvent(Symbol, TsEvent, TsInit, Sequence);
