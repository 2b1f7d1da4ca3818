namespace Screener.Contracts.Market;

/// <summary>Best bid and ask (Binance <c>bookTicker</c>).</summary>
public sealed record BookTop(
    string Symbol, long TsEvent, long TsInit, long Sequence,
    long UpdateId, decimal BidPrice, decimal BidQuantity, decimal AskPrice, decimal AskQuantity)
    : MarketEvent(Symbol, TsEvent, TsInit, Sequence);
