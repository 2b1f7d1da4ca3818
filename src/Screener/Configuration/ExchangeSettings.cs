using Screener.Binance.Subscriptions;
using Screener.Binance.Transport;

namespace Screener.Configuration;

/// <summary>
/// <c>screener.exchange</c> and <c>screener.ingest</c>: endpoints, symbols, sharding, reconnect backoff and the
/// connector knobs (<see cref="Connector"/>), and the connector settings records built from them.
/// </summary>
public sealed record ExchangeSettings(
    Uri WsBase, Uri RestBase, IReadOnlyList<string> Symbols, int MaxStreamsPerConnection, int DepthSnapshotLimit,
    TimeSpan BackoffMin, TimeSpan BackoffMax, double BackoffRandomFactor, TimeSpan BackoffResetAfter, TimeSpan HeartbeatInterval,
    ConnectorSettings Connector)
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
        if (BackoffResetAfter <= TimeSpan.Zero) throw new ArgumentException($"screener.exchange.backoff-reset-after must be positive, was {BackoffResetAfter}.");
        if (HeartbeatInterval <= TimeSpan.Zero) throw new ArgumentException("screener.ingest.heartbeat-interval must be positive.");
        Connector.Validate();
        return this;
    }

    public ExchangeSettings WithEndpoints(Uri ws, Uri rest, IReadOnlyList<string> symbols) =>
        (this with { WsBase = ws, RestBase = rest, Symbols = symbols }).Validate();

    /// <summary>The REST client's settings: base, request timeout, longest Retry-After waited out, assumed ban.</summary>
    public BinanceRestSettings ToRestSettings() => new()
    {
        BaseUri = RestBase,
        RequestTimeout = Connector.RequestTimeout,
        MaxRetryAfterWait = Connector.MaxRetryAfterWait,
        DefaultBanDuration = Connector.Limiter.DefaultBan,
    };

    /// <summary>The REST weight limiter's settings: usable fraction, circuit breaker, assumed ban.</summary>
    public RestLimiterSettings ToLimiterSettings() => Connector.Limiter;

    /// <summary>The connector's settings for streams of <paramref name="kinds"/>: plan, connection template, snapshots, pollers.</summary>
    public BinanceIngestSettings ToIngestSettings(IReadOnlyList<StreamKind> kinds) => new()
    {
        Plan = new StreamPlanSettings(WsBase, MaxStreamsPerConnection),
        Kinds = kinds,
        Connection = new ConnectionSettings("template", WsBase)
        {
            Subscription = Connector.Subscription,
            NoDataTimeout = Connector.NoDataTimeout,
            MaxConnectionAge = Connector.MaxConnectionAge,
            RotationRetryDelay = Connector.RotationRetryDelay,
            ConnectTimeout = Connector.ConnectTimeout,
            ChannelCapacity = Connector.BufferFrames,
            RotationBufferCapacity = Connector.RotationBufferFrames,
            MaxRestarts = Connector.MaxRestarts,
            DepthSnapshotLimit = DepthSnapshotLimit,
            SnapshotRetryDelay = Connector.Snapshots.RetryDelay,
            MinBackoff = BackoffMin,
            MaxBackoff = BackoffMax,
            RandomFactor = BackoffRandomFactor,
            MaxRestartsWithin = BackoffResetAfter,
        },
        Snapshots = Connector.Snapshots with { DepthLimit = DepthSnapshotLimit },
        Pollers = Connector.Pollers,
    };
}
