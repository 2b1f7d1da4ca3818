namespace Screener.Binance.Transport;

/// <summary>
/// Live counters of one connection (across its restarts and rotations), updated by <see cref="BinanceConnectionSource"/>
/// and read by the node's stage registry and the operator. Thread-safe.
/// </summary>
public sealed class ConnectionCounters
{
    private long _connects;
    private long _restarts;
    private long _disconnects;
    private long _frames;
    private long _bytes;
    private long _controlSent;
    private long _confirmations;
    private long _resubscribes;
    private long _subscriptionFailures;
    private long _staleDisconnects;
    private long _rotations;
    private long _rotationFailures;
    private long _duplicatesDropped;
    private long _restFrames;
    private long _statusFrames;
    private long _snapshots;
    private long _snapshotFailures;
    private long _lastDisconnectTicks;
    private long _lastConnectedTicks;
    private long _lastDataTicks;
    private int _up;
    private int _streams;
    private string? _lastDisconnectReason;

    /// <summary>Successful WebSocket handshakes (rotations included).</summary>
    public long Connects => Interlocked.Read(ref _connects);

    /// <summary>Connection attempts after the first (every restart, successful or not). Rotations are not restarts.</summary>
    public long Restarts => Interlocked.Read(ref _restarts);

    /// <summary>Unplanned disconnections with a recorded cause.</summary>
    public long Disconnects => Interlocked.Read(ref _disconnects);

    /// <summary>WebSocket frames received and emitted (control replies included, rotation duplicates excluded).</summary>
    public long Frames => Interlocked.Read(ref _frames);

    /// <summary>Payload bytes of those frames.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Control messages sent (SUBSCRIBE, LIST_SUBSCRIPTIONS).</summary>
    public long ControlMessagesSent => Interlocked.Read(ref _controlSent);

    /// <summary>Subscriptions confirmed by LIST_SUBSCRIPTIONS (one per connect, rotations included).</summary>
    public long Confirmations => Interlocked.Read(ref _confirmations);

    /// <summary>Times missing streams were re-subscribed after a LIST_SUBSCRIPTIONS mismatch.</summary>
    public long Resubscribes => Interlocked.Read(ref _resubscribes);

    /// <summary>Sessions failed because the subscription was rejected or stayed incomplete.</summary>
    public long SubscriptionFailures => Interlocked.Read(ref _subscriptionFailures);

    /// <summary>Disconnections because no data arrived for <see cref="ConnectionSettings.NoDataTimeout"/>.</summary>
    public long StaleDisconnects => Interlocked.Read(ref _staleDisconnects);

    /// <summary>Planned rotations completed (emission switched to a new connection).</summary>
    public long Rotations => Interlocked.Read(ref _rotations);

    /// <summary>Planned rotations that failed (the old connection kept running).</summary>
    public long RotationFailures => Interlocked.Read(ref _rotationFailures);

    /// <summary>Frames dropped during rotations because the old connection had already emitted them.</summary>
    public long DuplicatesDropped => Interlocked.Read(ref _duplicatesDropped);

    /// <summary>REST frames (snapshots, polls) pushed into this connection's source.</summary>
    public long RestFrames => Interlocked.Read(ref _restFrames);

    /// <summary>Status frames (Connected, Disconnected) emitted.</summary>
    public long StatusFrames => Interlocked.Read(ref _statusFrames);

    /// <summary>Depth snapshots pushed into this connection's source.</summary>
    public long Snapshots => Interlocked.Read(ref _snapshots);

    /// <summary>Depth snapshot fetches for this connection that failed (each is retried later).</summary>
    public long SnapshotFailures => Interlocked.Read(ref _snapshotFailures);

    /// <summary>True while a confirmed connection is emitting.</summary>
    public bool IsUp => Volatile.Read(ref _up) != 0;

    /// <summary>Streams planned on this connection.</summary>
    public int Streams => Volatile.Read(ref _streams);

    /// <summary>Cause of the last disconnection: close status and description, error, stale, subscription failure.</summary>
    public string? LastDisconnectReason => Volatile.Read(ref _lastDisconnectReason);

    /// <summary>When the last disconnection happened, UTC ticks; 0 if never.</summary>
    public long LastDisconnectTicks => Interlocked.Read(ref _lastDisconnectTicks);

    /// <summary>When the emitting connection was confirmed, UTC ticks; 0 if never.</summary>
    public long LastConnectedTicks => Interlocked.Read(ref _lastConnectedTicks);

    /// <summary>When the last market-data frame arrived, UTC ticks; 0 if never.</summary>
    public long LastDataTicks => Interlocked.Read(ref _lastDataTicks);

    internal void OnConnected() => Interlocked.Increment(ref _connects);

    internal void OnRestart() => Interlocked.Increment(ref _restarts);

    internal void OnFrame(int bytes, bool isData, long utcTicks)
    {
        Interlocked.Increment(ref _frames);
        Interlocked.Add(ref _bytes, bytes);
        if (isData) Interlocked.Exchange(ref _lastDataTicks, utcTicks);
    }

    internal void OnControlSent() => Interlocked.Increment(ref _controlSent);

    internal void OnConfirmed(int streams, long utcTicks)
    {
        Interlocked.Increment(ref _confirmations);
        Volatile.Write(ref _streams, streams);
        Interlocked.Exchange(ref _lastConnectedTicks, utcTicks);
        Volatile.Write(ref _up, 1);
    }

    internal void OnResubscribe() => Interlocked.Increment(ref _resubscribes);

    internal void OnSubscriptionFailed() => Interlocked.Increment(ref _subscriptionFailures);

    internal void OnStale() => Interlocked.Increment(ref _staleDisconnects);

    internal void OnRotated(long utcTicks)
    {
        Interlocked.Increment(ref _rotations);
        Interlocked.Exchange(ref _lastConnectedTicks, utcTicks);
    }

    internal void OnRotationFailed() => Interlocked.Increment(ref _rotationFailures);

    internal void OnDuplicateDropped() => Interlocked.Increment(ref _duplicatesDropped);

    internal void OnRestFrame() => Interlocked.Increment(ref _restFrames);

    internal void OnStatusFrame() => Interlocked.Increment(ref _statusFrames);

    internal void OnSnapshot() => Interlocked.Increment(ref _snapshots);

    internal void OnSnapshotFailed() => Interlocked.Increment(ref _snapshotFailures);

    internal void OnDisconnected(string reason, long utcTicks)
    {
        Volatile.Write(ref _up, 0);
        Volatile.Write(ref _lastDisconnectReason, reason);
        Interlocked.Exchange(ref _lastDisconnectTicks, utcTicks);
        Interlocked.Increment(ref _disconnects);
    }

    internal void OnStopped() => Volatile.Write(ref _up, 0);

    /// <inheritdoc />
    public override string ToString() =>
        $"up={IsUp} connects={Connects} restarts={Restarts} disconnects={Disconnects} stale={StaleDisconnects} " +
        $"frames={Frames} bytes={Bytes} confirmations={Confirmations} resubscribes={Resubscribes} " +
        $"subscriptionFailures={SubscriptionFailures} rotations={Rotations} rotationFailures={RotationFailures} " +
        $"duplicatesDropped={DuplicatesDropped} rest={RestFrames} snapshots={Snapshots} snapshotFailures={SnapshotFailures} " +
        $"lastDisconnect='{LastDisconnectReason}'";
}
