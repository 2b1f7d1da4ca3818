namespace Screener.Bench;

/// <summary>
/// What the ingest benchmark's graph did, written by its symbol substreams (one stream actor at a time) and read by
/// the progress report. The measured window opens when the warm-up's last message has been processed and closes
/// with the tape's last one; a <see cref="ResourceSample"/> is taken exactly there, inside the stream.
/// </summary>
public sealed class IngestBenchCounters
{
    private readonly long _warmup;
    private readonly long _total;
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _messages;
    private long _diffsApplied;
    private long _diffsChained;
    private long _diffsBuffered;
    private long _diffsIgnored;
    private long _gaps;
    private long _snapshots;
    private long _snapshotsRejected;
    private long _booksSynced;
    private long _trades;
    private long _bookTops;
    private long _duplicates;
    private long _marks;
    private long _liquidations;
    private long _other;

    /// <param name="warmup">Messages processed before the window opens (at least 1).</param>
    /// <param name="total">Messages on the tape; the window closes at the last.</param>
    public IngestBenchCounters(long warmup, long total)
    {
        if (warmup < 1 || warmup >= total) throw new ArgumentOutOfRangeException(nameof(warmup), warmup, $"Must be within 1..{total - 1}.");
        _warmup = warmup;
        _total = total;
    }

    public long Warmup => _warmup;

    public long Total => _total;

    /// <summary>Completes when the tape's last message has been processed.</summary>
    public Task Finished => _finished.Task;

    public ResourceSample WindowStart { get; private set; }

    public ResourceSample WindowEnd { get; private set; }

    /// <summary>Market messages from WebSocket frames processed by the symbol stage.</summary>
    public long Messages => Volatile.Read(ref _messages);

    /// <summary>Diffs applied as they arrived on a synced book.</summary>
    public long DiffsApplied => Volatile.Read(ref _diffsApplied);

    /// <summary>Buffered diffs chained onto a snapshot when it arrived.</summary>
    public long DiffsChained => Volatile.Read(ref _diffsChained);

    /// <summary>Diffs that arrived before the symbol's snapshot (later chained, or still waiting).</summary>
    public long DiffsBuffered => Volatile.Read(ref _diffsBuffered);

    /// <summary>Diffs older than the book, ignored by the sync rules.</summary>
    public long DiffsIgnored => Volatile.Read(ref _diffsIgnored);

    public long Gaps => Volatile.Read(ref _gaps);

    public long Snapshots => Volatile.Read(ref _snapshots);

    public long SnapshotsRejected => Volatile.Read(ref _snapshotsRejected);

    /// <summary>Symbols whose book has been synced from a snapshot.</summary>
    public long BooksSynced => Volatile.Read(ref _booksSynced);

    public long Trades => Volatile.Read(ref _trades);

    public long BookTops => Volatile.Read(ref _bookTops);

    /// <summary>Trades and book tops already seen (by exchange id), counted once.</summary>
    public long Duplicates => Volatile.Read(ref _duplicates);

    public long MarkPrices => Volatile.Read(ref _marks);

    public long Liquidations => Volatile.Read(ref _liquidations);

    /// <summary>Other per-symbol events (none expected from the tape).</summary>
    public long Other => Volatile.Read(ref _other);

    internal void DiffApplied() => _diffsApplied++;

    internal void DiffBuffered() => _diffsBuffered++;

    internal void DiffIgnored() => _diffsIgnored++;

    internal void Gap() => _gaps++;

    internal void Snapshot(bool accepted, int chained, bool firstSync)
    {
        _snapshots++;
        if (!accepted) _snapshotsRejected++;
        _diffsChained += chained;
        if (firstSync) _booksSynced++;
    }

    internal void Trade(bool duplicate)
    {
        if (duplicate) _duplicates++;
        else _trades++;
    }

    internal void BookTop(bool duplicate)
    {
        if (duplicate) _duplicates++;
        else _bookTops++;
    }

    internal void MarkPrice() => _marks++;

    internal void Liquidation() => _liquidations++;

    internal void OtherEvent() => _other++;

    /// <summary>One tape message fully processed; opens and closes the measured window.</summary>
    internal void Message()
    {
        var n = ++_messages;
        if (n == _warmup) WindowStart = ResourceSample.Take();
        if (n != _total) return;
        WindowEnd = ResourceSample.Take();
        _finished.TrySetResult();
    }
}
