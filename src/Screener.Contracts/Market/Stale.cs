namespace Screener.Contracts.Market;

/// <summary>No data on a symbol's stream for longer than its threshold: silence is not an unchanged price.</summary>
public sealed record Stale(string Symbol, long TsEvent, long TsInit, long Sequence, string StreamKind, long SilentTicks)
    : MarketEvent(Symbol, TsEvent, TsInit, Sequence);
