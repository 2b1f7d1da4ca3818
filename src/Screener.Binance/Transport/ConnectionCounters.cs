namespace Screener.Binance.Transport;

/// <summary>
/// Live counters of one connection (across its restarts), updated by <see cref="BinanceConnectionSource"/> and
/// read by the node's stage registry. Thread-safe.
/// </summary>
public sealed class ConnectionCounters
{
    private long _connects;
    private long _restarts;
    private long _disconnects;
    private long _frames;
    private long _bytes;
    private long _snapshots;
    private long _snapshotFailures;
    private long _lastDisconnectTicks;
    private string? _lastDisconnectReason;

    /// <summary>Successful WebSocket handshakes.</summary>
    public long Connects => Interlocked.Read(ref _connects);

    /// <summary>Connection attempts after the first (every restart, successful or not).</summary>
    public long Restarts => Interlocked.Read(ref _restarts);

    /// <summary>Disconnections with a recorded cause.</summary>
    public long Disconnects => Interlocked.Read(ref _disconnects);

    /// <summary>WebSocket frames received.</summary>
    public long Frames => Interlocked.Read(ref _frames);

    /// <summary>Payload bytes of those frames.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Depth snapshots fetched and pushed into the stream.</summary>
    public long Snapshots => Interlocked.Read(ref _snapshots);

    /// <summary>Depth snapshot fetches that failed (each is retried later).</summary>
    public long SnapshotFailures => Interlocked.Read(ref _snapshotFailures);

    /// <summary>Cause of the last disconnection: close status and description, or the exception message.</summary>
    public string? LastDisconnectReason => Volatile.Read(ref _lastDisconnectReason);

    /// <summary>When the last disconnection happened, UTC ticks; 0 if never.</summary>
    public long LastDisconnectTicks => Interlocked.Read(ref _lastDisconnectTicks);

    internal void OnConnected() => Interlocked.Increment(ref _connects);

    internal void OnRestart() => Interlocked.Increment(ref _restarts);

    internal void OnFrame(int bytes)
    {
        Interlocked.Increment(ref _frames);
        Interlocked.Add(ref _bytes, bytes);
    }

    internal void OnSnapshot() => Interlocked.Increment(ref _snapshots);

    internal void OnSnapshotFailed() => Interlocked.Increment(ref _snapshotFailures);

    internal void OnDisconnected(string reason, long utcTicks)
    {
        Volatile.Write(ref _lastDisconnectReason, reason);
        Interlocked.Exchange(ref _lastDisconnectTicks, utcTicks);
        Interlocked.Increment(ref _disconnects);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"connects={Connects} restarts={Restarts} disconnects={Disconnects} frames={Frames} bytes={Bytes} " +
        $"snapshots={Snapshots} snapshotFailures={SnapshotFailures} lastDisconnect='{LastDisconnectReason}'";
}
