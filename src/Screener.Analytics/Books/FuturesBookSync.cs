using Screener.Contracts.Market;

namespace Screener.Analytics.Books;

/// <summary>
/// Keeps one symbol's <see cref="OrderBook"/> in sync by the USDⓈ-M futures rules: buffer diffs, apply a REST
/// snapshot, drop diffs with <c>u &lt; lastUpdateId</c>, require the first applied diff to span the snapshot
/// (<c>U &lt;= lastUpdateId &lt;= u</c>, or <c>pu == lastUpdateId</c>), then require <c>pu == previous u</c> for
/// every later diff. Ids are global across symbols, so <c>U == previous u + 1</c> is never checked.
/// The book is validated by sequence numbers only; any break is reported and the book is flagged, never
/// silently patched.
/// </summary>
public sealed class FuturesBookSync : IBookSync
{
    private readonly Queue<DepthDiff> _buffer = new();
    private readonly int _maxBuffered;
    private long _lastUpdateId;
    private bool _awaitingFirstDiff;

    public FuturesBookSync(int maxBuffered = 10_000)
    {
        if (maxBuffered < 1) throw new ArgumentOutOfRangeException(nameof(maxBuffered), "Must buffer at least one diff.");
        _maxBuffered = maxBuffered;
    }

    public OrderBook Book { get; } = new();

    public BookSyncState State { get; private set; } = BookSyncState.AwaitingSnapshot;

    /// <summary>Final update id of the last applied diff (or the snapshot's id before any diff).</summary>
    public long LastUpdateId => _lastUpdateId;

    /// <summary>The <c>u</c> the chain expected and the <c>pu</c> it got at the last gap.</summary>
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

    private BookSyncResult ApplySynced(DepthDiff diff)
    {
        if (_awaitingFirstDiff)
        {
            if (diff.FinalUpdateId < _lastUpdateId) return BookSyncResult.Ignored;
            var spans = diff.FirstUpdateId <= _lastUpdateId && _lastUpdateId <= diff.FinalUpdateId;
            var continues = diff.PreviousFinalUpdateId == _lastUpdateId;
            if (!spans && !continues) return Break(diff);
            _awaitingFirstDiff = false;
            return Apply(diff);
        }

        if (diff.FinalUpdateId <= _lastUpdateId) return BookSyncResult.Ignored;
        return diff.PreviousFinalUpdateId == _lastUpdateId ? Apply(diff) : Break(diff);
    }

    private BookSyncResult Apply(DepthDiff diff)
    {
        Book.Apply(diff.Bids, diff.Asks);
        _lastUpdateId = diff.FinalUpdateId;
        return BookSyncResult.Applied;
    }

    private BookSyncResult Break(DepthDiff diff)
    {
        LastGap = (_lastUpdateId, diff.PreviousFinalUpdateId ?? diff.FirstUpdateId - 1);
        return BookSyncResult.Gap;
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
