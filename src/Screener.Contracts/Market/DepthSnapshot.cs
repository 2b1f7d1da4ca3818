namespace Screener.Contracts.Market;

/// <summary>A REST order-book snapshot; the starting point of book sync.</summary>
public sealed record DepthSnapshot(
    string Symbol, long TsEvent, long TsInit, long Sequence,
    long LastUpdateId, EquatableArray<PriceLevel> Bids, EquatableArray<PriceLevel> Asks)
    : MarketEvent(Symbol, TsEvent, TsInit, Sequence);
