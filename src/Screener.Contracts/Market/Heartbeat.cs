namespace Screener.Contracts.Market;

/// <summary>
/// A clock heartbeat recorded while the market is quiet, so event time still advances (and replays advance the
/// same way). Node-level: <see cref="MarketEvent.Symbol"/> is empty and both times are the local clock.
/// </summary>
public sealed record Heartbeat(long TsEvent, long Sequence) : MarketEvent("", TsEvent, TsEvent, Sequence);
