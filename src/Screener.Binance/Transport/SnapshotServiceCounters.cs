namespace Screener.Binance.Transport;

/// <summary>Live counters of a <see cref="SnapshotService"/>. Thread-safe.</summary>
public sealed class SnapshotServiceCounters
{
    private long _requested;
    private long _deduplicated;
    private long _published;
    private long _failures;
    private long _requeued;
    private long _unroutable;

    /// <summary>Requests accepted into the queue.</summary>
    public long Requested => Interlocked.Read(ref _requested);

    /// <summary>Requests merged into one already queued or in flight for the same symbol.</summary>
    public long Deduplicated => Interlocked.Read(ref _deduplicated);

    /// <summary>Snapshots pushed into their connection's source.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Fetches that failed (each is retried).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Snapshots fetched but not pushed because their connection was down or reconnected meanwhile (fetched again).</summary>
    public long Requeued => Interlocked.Read(ref _requeued);

    /// <summary>Requests for symbols no planned connection carries the depth of (ignored).</summary>
    public long Unroutable => Interlocked.Read(ref _unroutable);

    internal void OnRequested() => Interlocked.Increment(ref _requested);

    internal void OnDeduplicated() => Interlocked.Increment(ref _deduplicated);

    internal void OnPublished() => Interlocked.Increment(ref _published);

    internal void OnFailed() => Interlocked.Increment(ref _failures);

    internal void OnRequeued() => Interlocked.Increment(ref _requeued);

    internal void OnUnroutable() => Interlocked.Increment(ref _unroutable);

    /// <inheritdoc />
    public override string ToString() =>
        $"requested={Requested} deduplicated={Deduplicated} published={Published} failures={Failures} requeued={Requeued} unroutable={Unroutable}";
}
