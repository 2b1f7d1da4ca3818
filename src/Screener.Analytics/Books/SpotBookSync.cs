using Screener.Contracts.Market;

namespace Screener.Analytics.Books;

/// <summary>
/// Keeps one symbol's <see cref="OrderBook"/> in sync by the spot rules (procedure as corrected 2025-11-12):
/// drop diffs with <c>u &lt;= lastUpdateId</c>, the first kept diff must satisfy
/// <c>U &lt;= lastUpdateId + 1 &lt;= u</c>, and every later one <c>U == previous u + 1</c> (spot ids are per symbol
/// and contiguous). A diff entirely older than the book is ignored; any other break flags the book.
/// </summary>
public sealed class SpotBookSync : IBookSync
{
    private readonly Queue<DepthDiff> _buffer = new();
    private readonly int _maxBuffered;
    private long _lastUpdateId;
    private bool _awaitingFirstDiff;

    public SpotBookSync(int maxBuffered = 10_000)
    {
        if (maxBuffered < 1) throw new ArgumentOutOfRangeException(nameof(maxBuffered), "Must buffer at least one diff.");
        _maxBuffered = maxBuffered;
    }

    public OrderBook Book { get; } = new();

    public BookSyncState State { get; private set; } = BookSyncState.AwaitingSnapshot;

    public long LastUpdateId => _lastUpdateId;

    public (long Expected, long Actual) LastGap { get; private set; }

    public BookSyncResult OnDiff(DepthDiff diff)
    {
        if (State != BookSyncState.Synced)
        {
            if (_buffer.Count == _maxBuffered) _buffer.Dequeue();
            _buffer.Enqueue(diff);
            return BookSyncResult.Buffered;
        }

        var result = ApplySynced(diff);
        if (result == BookSyncResult.Gap)
        {
            State = BookSyncState.OutOfSync;
            _buffer.Clear();
            _buffer.Enqueue(diff);
        }
        return result;
    }

    public BookSyncResult OnSnapshot(DepthSnapshot snapshot)
    {
        Book.Reset(snapshot.Bids, snapshot.Asks);
        _lastUpdateId = snapshot.LastUpdateId;
        _awaitingFirstDiff = true;
        State = BookSyncState.Synced;
        while (_buffer.TryDequeue(out var diff))
        {
            if (ApplySynced(diff) != BookSyncResult.Gap) continue;
            State = BookSyncState.AwaitingSnapshot;
            var rest = _buffer.ToArray();
            _buffer.Clear();
            _buffer.Enqueue(diff);
            foreach (var d in rest) _buffer.Enqueue(d);
            return BookSyncResult.SnapshotRejected;
        }
        return BookSyncResult.Synced;
    }

    private BookSyncResult ApplySynced(DepthDiff diff)
    {
        if (diff.FinalUpdateId <= _lastUpdateId) return BookSyncResult.Ignored;
        var expected = _lastUpdateId + 1;
        var joins = _awaitingFirstDiff
            ? diff.FirstUpdateId <= expected && expected <= diff.FinalUpdateId
            : diff.FirstUpdateId == expected;
        if (!joins)
        {
            LastGap = (_lastUpdateId, diff.FirstUpdateId - 1);
            return BookSyncResult.Gap;
        }
        _awaitingFirstDiff = false;
        Book.Apply(diff.Bids, diff.Asks);
        _lastUpdateId = diff.FinalUpdateId;
        return BookSyncResult.Applied;
    }
}
