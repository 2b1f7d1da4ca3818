using Akka.Streams;
using Screener.Binance.Subscriptions;
using Screener.Contracts;

namespace Screener.Binance.Transport;

/// <summary>Settings of one WebSocket connection built by <see cref="BinanceConnectionSource"/>.</summary>
/// <param name="ConnectionId">Becomes <see cref="RawFrame.ConnectionId"/>, for example <c>s0/public</c>.</param>
/// <param name="Url">Endpoint: the bare <c>/&lt;path&gt;/ws</c> of <see cref="ConnectionPlan.Url"/> (streams are subscribed
/// after connecting), or a combined-stream URL with the streams in its query when <see cref="Streams"/> is empty.</param>
public sealed record ConnectionSettings(string ConnectionId, Uri Url)
{
    /// <summary>
    /// Streams to SUBSCRIBE after every (re)connect and confirm with LIST_SUBSCRIPTIONS (default empty: the URL names
    /// the streams and nothing is sent).
    /// </summary>
    public EquatableArray<string> Streams { get; init; } = EquatableArray<string>.Empty;

    /// <summary>SUBSCRIBE batching, pacing and reply timeout.</summary>
    public SubscriptionSettings Subscription { get; init; } = SubscriptionSettings.Default;

    /// <summary>Frames buffered between the socket and the stream (default 256). When full, the receive loop waits.</summary>
    public int ChannelCapacity { get; init; } = 256;

    /// <summary>
    /// A connection that delivers no market data for this long is failed as stale and reconnected (default 30 s;
    /// null disables). Counted from the subscription's confirmation; control replies, pings and REST frames do not
    /// count. Binance ACKs a SUBSCRIBE for a stream that will never deliver, so silence is the only symptom.
    /// </summary>
    public TimeSpan? NoDataTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Planned rotation before Binance's 24-hour cut (default 23 h 30 min; null disables): a new connection is opened,
    /// subscribed and confirmed, emission switches to it at its first data frame, and the old one is closed.
    /// </summary>
    public TimeSpan? MaxConnectionAge { get; init; } = TimeSpan.FromMinutes(23 * 60 + 30);

    /// <summary>Wait before trying again after a rotation failed (default 1 min); the old connection keeps running meanwhile.</summary>
    public TimeSpan RotationRetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Frames kept during a rotation (default 4096): the newest frames of the new connection before the switch, and
    /// the old connection's frames since the new one subscribed, against which duplicates are dropped.
    /// </summary>
    public int RotationBufferCapacity { get; init; } = 4096;

    /// <summary>Depth snapshot levels for the per-connection snapshots of <see cref="BinanceConnectionSource"/> (default 1000).</summary>
    public int DepthSnapshotLimit { get; init; } = 1000;

    /// <summary>After a failed per-connection snapshot, wait this long before asking again (default 5 s).</summary>
    public TimeSpan SnapshotRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>First reconnect delay (default 1 s; Binance asks for at most ~1 new connection per second in storms).</summary>
    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap of the exponential reconnect delay, before jitter (default 30 s).</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Jitter added after the cap, as a fraction of the delay (default 0.2).</summary>
    public double RandomFactor { get; init; } = 0.2;

    /// <summary>Restarts allowed within <see cref="MaxRestartsWithin"/> before the source gives up (default 1 000 000: never, in practice).</summary>
    public int MaxRestarts { get; init; } = 1_000_000;

    /// <summary>
    /// Window of the restart count (default 60 s). Akka resets the count, and with it the backoff, when more than this
    /// has passed since the last (re)start: a connection that lived longer reconnects after <see cref="MinBackoff"/>,
    /// one that keeps failing sooner backs off exponentially up to <see cref="MaxBackoff"/>. (Akka's default window
    /// equals MinBackoff, so the backoff of a connection that lives a few seconds would never grow.)
    /// </summary>
    public TimeSpan MaxRestartsWithin { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Time allowed for the WebSocket handshake (default 10 s).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Settings with defaults for a planned connection: its bare endpoint and its streams.</summary>
    public static ConnectionSettings FromPlan(ConnectionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new ConnectionSettings(plan.Id, plan.Url) { Streams = plan.Streams };
    }

    /// <summary>Throws when a value is out of range; called by <see cref="BinanceConnectionSource"/>.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ConnectionId);
        ArgumentNullException.ThrowIfNull(Url);
        ArgumentNullException.ThrowIfNull(Subscription);
        if (Url.Scheme is not ("ws" or "wss")) throw new ArgumentException($"Url must be ws:// or wss://, was {Url}.", nameof(Url));
        Subscription.Validate();
        if (Streams.Count > StreamPlanSettings.BinanceMaxStreams)
            throw new ArgumentException($"{Streams.Count} streams exceed Binance's {StreamPlanSettings.BinanceMaxStreams} per connection.", nameof(Streams));
        ArgumentOutOfRangeException.ThrowIfLessThan(ChannelCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(DepthSnapshotLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRestarts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(RotationBufferCapacity, 1);
        if (MinBackoff <= TimeSpan.Zero || MaxBackoff < MinBackoff)
            throw new ArgumentException("Backoff needs 0 < MinBackoff <= MaxBackoff.", nameof(MinBackoff));
        if (RandomFactor is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(RandomFactor));
        if (MaxRestartsWithin <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(MaxRestartsWithin));
        if (ConnectTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ConnectTimeout));
        if (SnapshotRetryDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(SnapshotRetryDelay));
        if (NoDataTimeout is { } idle && idle <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(NoDataTimeout));
        if (MaxConnectionAge is { } age && age <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(MaxConnectionAge));
        if (RotationRetryDelay <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(RotationRetryDelay));
    }

    internal RestartSettings ToRestartSettings() =>
        RestartSettings.Create(MinBackoff, MaxBackoff, RandomFactor).WithMaxRestarts(MaxRestarts, MaxRestartsWithin);
}
