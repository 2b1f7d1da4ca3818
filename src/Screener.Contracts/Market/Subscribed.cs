namespace Screener.Contracts.Market;

/// <summary>
/// A connection's subscriptions were confirmed by the exchange. Connection-level: <see cref="MarketEvent.Symbol"/> is
/// empty. It tells the clock which symbol streams to expect, so a stream that never delivers anything goes stale like
/// one that stopped.
/// </summary>
/// <param name="Streams">The confirmed per-symbol streams whose silence is tracked (kinds as in <see cref="HealthStreamKind"/>).</param>
public sealed record Subscribed(long TsEvent, long TsInit, long Sequence, string ConnectionId, EquatableArray<SymbolStream> Streams)
    : MarketEvent("", TsEvent, TsInit, Sequence);

/// <summary>One symbol's stream of one kind.</summary>
/// <param name="Symbol">Upper-case symbol, for example <c>BTCUSDT</c>.</param>
/// <param name="Kind">One of <see cref="HealthStreamKind"/>.</param>
public sealed record SymbolStream(string Symbol, string Kind);

/// <summary>The per-symbol stream kinds whose silence is tracked, named as in <c>screener.health.stale-after</c>.</summary>
public static class HealthStreamKind
{
    public const string Depth = "depth";
    public const string BookTicker = "book-ticker";
    public const string Trade = "trade";
    public const string MarkPrice = "mark-price";
}
