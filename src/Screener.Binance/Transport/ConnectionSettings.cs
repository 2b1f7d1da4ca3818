using Akka.Streams;
using Screener.Binance.Subscriptions;

namespace Screener.Binance.Transport;

/// <summary>Settings of one WebSocket connection built by <see cref="BinanceConnectionSource"/>.</summary>
/// <param name="ConnectionId">Becomes <see cref="Contracts.RawFrame.ConnectionId"/>, for example <c>s0/public</c>.</param>
/// <param name="Url">Combined-stream URL (<see cref="ConnectionPlan.Url"/>).</param>
public sealed record ConnectionSettings(string ConnectionId, Uri Url)
{
    /// <summary>Frames buffered between the socket and the stream (default 10 000). When full, the receive loop waits.</summary>
    public int ChannelCapacity { get; init; } = 10_000;

    /// <summary>Depth snapshot levels requested over REST (default 1000, weight 20 on futures).</summary>
    public int DepthSnapshotLimit { get; init; } = 1000;

    /// <summary>After a failed snapshot, the symbol's next depth frame retries only once this has passed (default 5 s).</summary>
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
    /// Window of the restart count (default 60 s). The backoff resets only after this long without a restart, so a
    /// connection that flaps every few seconds really backs off (Akka's default window equals MinBackoff and never grows).
    /// </summary>
    public TimeSpan MaxRestartsWithin { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Time allowed for the WebSocket handshake (default 10 s).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A connection silent this long is failed and reconnected (default 60 s; null disables). Binance's pings are
    /// answered below the application and never count as frames.
    /// </summary>
    public TimeSpan? IdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Settings with defaults for a planned connection.</summary>
    public static ConnectionSettings FromPlan(ConnectionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new ConnectionSettings(plan.Id, plan.Url);
    }

    /// <summary>Throws when a value is out of range; called by <see cref="BinanceConnectionSource.Create"/>.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ConnectionId);
        ArgumentNullException.ThrowIfNull(Url);
        if (Url.Scheme is not ("ws" or "wss")) throw new ArgumentException($"Url must be ws:// or wss://, was {Url}.", nameof(Url));
        ArgumentOutOfRangeException.ThrowIfLessThan(ChannelCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(DepthSnapshotLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRestarts, 1);
        if (MinBackoff <= TimeSpan.Zero || MaxBackoff < MinBackoff)
            throw new ArgumentException("Backoff needs 0 < MinBackoff <= MaxBackoff.", nameof(MinBackoff));
        if (RandomFactor is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(RandomFactor));
        if (MaxRestartsWithin <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(MaxRestartsWithin));
        if (ConnectTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ConnectTimeout));
        if (SnapshotRetryDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(SnapshotRetryDelay));
        if (IdleTimeout is { } idle && idle <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(IdleTimeout));
    }

    internal RestartSettings ToRestartSettings() =>
        RestartSettings.Create(MinBackoff, MaxBackoff, RandomFactor).WithMaxRestarts(MaxRestarts, MaxRestartsWithin);
}
