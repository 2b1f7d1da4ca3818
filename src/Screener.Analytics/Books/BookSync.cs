using Screener.Contracts.Market;

namespace Screener.Analytics.Books;

/// <summary>
/// The part of order-book sync every market shares: buffer diffs until a snapshot, chain the buffered diffs onto
/// it, flag the book and buffer again at a break, reject a snapshot that does not join the buffered chain.
/// Subclasses say only how one diff joins the chain. The book is validated by update ids, never patched.
/// </summary>
public abstract class BookSync : IBookSync
{
    private readonly Queue<DepthDiff> _buffer = new();
    private readonly int _maxBuffered;
    private long _lastUpdateId;
    private bool _awaitingFirstDiff;

    protected BookSync(int maxBuffered)
    {
        if (maxBuffered < 1) throw new ArgumentOutOfRangeException(nameof(maxBuffered), "Must buffer at least one diff.");
        _maxBuffered = maxBuffered;
    }

    public OrderBook Book { get; } = new();

    public BookSyncState State { get; private set; } = BookSyncState.AwaitingSnapshot;

    /// <summary>Final update id of the last applied diff (or the snapshot's id before any diff).</summary>
    public long LastUpdateId => _lastUpdateId;

    /// <summary>The id the chain expected and the one it got at the last gap.</summary>
    public (long Expected, long Actual) LastGap { get; private set; }

    /// <summary>Buffered diffs discarded because the buffer was full (the oldest go first; a snapshot supersedes them).</summary>
    public long BufferOverflows { get; private set; }

    public int Buffered => _buffer.Count;

    public BookSyncResult OnDiff(DepthDiff diff)
    {
        if (State != BookSyncState.Synced)
        {
            Buffer(diff);
            return BookSyncResult.Buffered;
        }

        var result = ApplySynced(diff);
        if (result == BookSyncResult.Gap)
        {
            State = BookSyncState.OutOfSync;
            _buffer.Clear();
            Buffer(diff);
        }
        return result;
    }

    /// <summary>Resets the book to <paramref name="snapshot"/> and chains the buffered diffs onto it.</summary>
    public BookSyncResult OnSnapshot(DepthSnapshot snapshot)
    {
        Book.Reset(snapshot.Bids, snapshot.Asks);
        _lastUpdateId = snapshot.LastUpdateId;
        _awaitingFirstDiff = true;
        State = BookSyncState.Synced;

        while (_buffer.TryDequeue(out var diff))
        {
            var result = ApplySynced(diff);
            if (result != BookSyncResult.Gap) continue;

            // The snapshot does not join the buffered chain: keep the rest buffered and ask for another.
            State = BookSyncState.AwaitingSnapshot;
            var rest = _buffer.ToArray();
            _buffer.Clear();
            Buffer(diff);
            foreach (var d in rest) Buffer(d);
            return BookSyncResult.SnapshotRejected;
        }
        return BookSyncResult.Synced;
    }

    /// <summary>How a market's rules judge one diff against the book's last update id.</summary>
    protected enum Verdict
    {
        Ignore,
        Apply,
        Break,
    }

    /// <summary>The market's rule for <paramref name="diff"/>; <paramref name="first"/> is true for the first diff after a snapshot.</summary>
    protected abstract Verdict Judge(DepthDiff diff, long lastUpdateId, bool first);

    /// <summary>The previous id the diff claims, reported with a gap.</summary>
    protected abstract long ClaimedPrevious(DepthDiff diff);

    private BookSyncResult ApplySynced(DepthDiff diff)
    {
        switch (Judge(diff, _lastUpdateId, _awaitingFirstDiff))
        {
            case Verdict.Ignore:
                return BookSyncResult.Ignored;
            case Verdict.Break:
                LastGap = (_lastUpdateId, ClaimedPrevious(diff));
                return BookSyncResult.Gap;
            default:
                _awaitingFirstDiff = false;
                Book.Apply(diff.Bids.AsSpan(), diff.Asks.AsSpan());
                _lastUpdateId = diff.FinalUpdateId;
                return BookSyncResult.Applied;
        }
    }

    private void Buffer(DepthDiff diff)
    {
        if (_buffer.Count == _maxBuffered)
        {
            _buffer.Dequeue();
            BufferOverflows++;
        }
        _buffer.Enqueue(diff);
    }
}
