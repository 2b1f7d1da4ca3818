using Screener.Contracts;

namespace Screener.Binance.Transport;

/// <summary>
/// The handle of one planned connection for everything outside its socket: whether it is up, a way to push REST
/// frames (snapshots, polls) into its source so they are journaled in order with its WebSocket frames, and a notice of
/// the first diff-depth frame of each symbol after every (re)connect. Created by <see cref="BinanceIngestBuilder"/>
/// (or by hand) and given to <see cref="BinanceConnectionSource.Create(ConnectionSettings, ConnectionFeed, Contracts.Time.IClock, Microsoft.Extensions.Logging.ILogger?)"/>;
/// materialize that source once. Thread-safe.
/// </summary>
public sealed class ConnectionFeed
{
    private readonly Lock _lock = new();
    private ConnectionLife? _life;
    private TaskCompletionSource _up = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _generation;
    private Action<string>? _firstDepth;

    /// <summary>Creates the feed of <paramref name="connectionId"/>.</summary>
    public ConnectionFeed(string connectionId, ConnectionCounters? counters = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionId);
        ConnectionId = connectionId;
        Counters = counters ?? new ConnectionCounters();
    }

    /// <summary>The connection id (<c>s0/public</c>).</summary>
    public string ConnectionId { get; }

    /// <summary>The connection's counters.</summary>
    public ConnectionCounters Counters { get; }

    /// <summary>True while a connection is subscribed, confirmed and emitting.</summary>
    public bool IsUp
    {
        get { lock (_lock) return _life is not null; }
    }

    /// <summary>Increases at every (re)connect; a REST frame fetched for one generation is not pushed into the next.</summary>
    public long Generation
    {
        get { lock (_lock) return _generation; }
    }

    /// <summary>Completes when the connection is up (at once if it is).</summary>
    public Task WaitUntilUpAsync(CancellationToken cancellationToken = default)
    {
        Task up;
        lock (_lock) up = _up.Task;
        return up.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Pushes a frame of <paramref name="kind"/> (normally <see cref="RawFrameKind.Rest"/>, a <see cref="RestEnvelope"/>)
    /// into the connection's source, after the frames already emitted. Waits while the stream backpressures.
    /// </summary>
    /// <param name="kind">Frame kind.</param>
    /// <param name="payload">Payload; not copied, never mutate it afterwards.</param>
    /// <param name="generation">When given, push only if the connection is still the one of that <see cref="Generation"/>.</param>
    /// <param name="cancellationToken">Cancels a wait.</param>
    /// <returns>False when the connection is down (or was reconnected since <paramref name="generation"/>): nothing was pushed.</returns>
    public ValueTask<bool> TryPublishAsync(RawFrameKind kind, byte[] payload, long? generation = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ConnectionLife? life;
        lock (_lock)
        {
            life = _life;
            if (generation is { } expected && expected != _generation) life = null;
        }

        return life is null ? ValueTask.FromResult(false) : life.PublishAsync(kind, payload, cancellationToken);
    }

    /// <summary>
    /// Registers the observer of first diff-depth frames: called with the uppercase symbol the first time a depth diff
    /// of that symbol is emitted after each (re)connect (not after a gapless rotation). Must not block.
    /// </summary>
    public void OnFirstDepthFrame(Action<string> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_lock) _firstDepth += observer;
    }

    internal void Attach(ConnectionLife life)
    {
        lock (_lock)
        {
            _life = life;
            _generation++;
            _up.TrySetResult();
        }
    }

    internal void Detach(ConnectionLife life)
    {
        lock (_lock)
        {
            if (!ReferenceEquals(_life, life)) return;
            _life = null;
            _up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    internal void OnFirstDepth(string symbol)
    {
        Action<string>? observer;
        lock (_lock) observer = _firstDepth;
        observer?.Invoke(symbol);
    }
}
