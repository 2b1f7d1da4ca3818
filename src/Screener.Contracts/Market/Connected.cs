namespace Screener.Contracts.Market;

/// <summary>A connection came up. Connection-level: <see cref="MarketEvent.Symbol"/> is empty.</summary>
public sealed record Connected(long TsEvent, long TsInit, long Sequence, string ConnectionId)
    : MarketEvent("", TsEvent, TsInit, Sequence);
