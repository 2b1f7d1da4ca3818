namespace Screener.Contracts.Market;

/// <summary>A break in a symbol's update-id chain: its book is out of sync until the next snapshot.</summary>
public sealed record Gap(string Symbol, long TsEvent, long TsInit, long Sequence, long ExpectedPreviousId, long ActualPreviousId)
    : MarketEvent(Symbol, TsEvent, TsInit, Sequence);
