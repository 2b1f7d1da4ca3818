namespace Screener.Contracts.Market;

/// <summary>A connection went down, with the cause (close code, error, stale). <see cref="MarketEvent.Symbol"/> is empty.</summary>
public sealed record Disconnected(long TsEvent, long TsInit, long Sequence, string ConnectionId, string Reason)
    : MarketEvent("", TsEvent, TsInit, Sequence);
