namespace Screener.Configuration;

/// <summary><c>screener.exchange</c> and <c>screener.ingest</c>: endpoints, symbols, sharding and reconnect backoff.</summary>
public sealed record ExchangeSettings(
    Uri WsBase, Uri RestBase, IReadOnlyList<string> Symbols, int MaxStreamsPerConnection, int DepthSnapshotLimit,
    TimeSpan BackoffMin, TimeSpan BackoffMax, double BackoffRandomFactor, TimeSpan BackoffResetAfter, TimeSpan HeartbeatInterval)
{
    private static readonly int[] DepthLimits = [5, 10, 20, 50, 100, 500, 1000];

    public ExchangeSettings Validate()
    {
        if (Symbols.Count == 0) throw new ArgumentException("screener.exchange.symbols is empty: nothing to watch.");
        if (MaxStreamsPerConnection is < 1 or > 1024)
            throw new ArgumentException($"screener.exchange.max-streams-per-connection must be 1..1024 (Binance's limit), was {MaxStreamsPerConnection}.");
        if (!DepthLimits.Contains(DepthSnapshotLimit))
            throw new ArgumentException($"screener.exchange.depth-snapshot-limit must be one of {string.Join(", ", DepthLimits)}, was {DepthSnapshotLimit}.");
        if (BackoffMin <= TimeSpan.Zero || BackoffMax < BackoffMin)
            throw new ArgumentException("screener.exchange backoff must satisfy 0 < backoff-min <= backoff-max.");
        if (BackoffRandomFactor is < 0 or > 1) throw new ArgumentException("screener.exchange.backoff-random-factor must be within 0..1.");
        if (HeartbeatInterval <= TimeSpan.Zero) throw new ArgumentException("screener.ingest.heartbeat-interval must be positive.");
        return this;
    }

    public ExchangeSettings WithEndpoints(Uri ws, Uri rest, IReadOnlyList<string> symbols) =>
        (this with { WsBase = ws, RestBase = rest, Symbols = symbols }).Validate();
}
