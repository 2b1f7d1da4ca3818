using Screener.Contracts.Market;

namespace Screener.Analytics.Tests.Books;

/// <summary>
/// The exchange's side of a property run: one symbol's true futures depth chain over a small price grid (ids
/// with gaps between events, as the global ids of USDⓈ-M are), the true book after every event, and REST
/// snapshots taken at, inside or just before an event. <see cref="TruthAt"/> is the reference: the book the
/// exchange had at an update id, built by applying every event in order to <see cref="ReferenceBook"/>.
/// </summary>
internal sealed class DepthStream
{
    private const long StartId = 1_000;

    private readonly List<ReferenceBook> _after = [];
    private readonly Dictionary<long, ReferenceBook> _truthById = new();
    private readonly List<DepthDiff> _events = [];

    public DepthStream(DepthStreamCase run)
    {
        var book = new ReferenceBook();
        foreach (var change in run.InitialBook) book.Set(change.Bid, Price(change), change.Quantity);
        _after.Add(book.Clone());
        _truthById[StartId] = _after[0];

        var previousFinal = StartId;
        foreach (var (gap, span, changes) in run.Events)
        {
            var first = previousFinal + gap;
            var diff = Depth.Diff(first, first + span, previousFinal,
                changes.Where(c => c.Bid).Select(c => (Price(c), (decimal)c.Quantity)).ToArray(),
                changes.Where(c => !c.Bid).Select(c => (Price(c), (decimal)c.Quantity)).ToArray());
            Apply(book, diff);
            _events.Add(diff);
            _after.Add(book.Clone());
            _truthById[diff.FinalUpdateId] = _after[^1];
            previousFinal = diff.FinalUpdateId;
        }
    }

    public IReadOnlyList<DepthDiff> Events => _events;

    public ReferenceBook? TruthAt(long updateId) => _truthById.GetValueOrDefault(updateId);

    /// <summary>The REST snapshot the exchange would serve at a point around event <paramref name="j"/>.</summary>
    public DepthSnapshot SnapshotAround(int j, SnapshotPoint point)
    {
        var e = _events[j];
        var (id, book) = point switch
        {
            SnapshotPoint.Inside when e.FinalUpdateId > e.FirstUpdateId => (e.FirstUpdateId + (e.FinalUpdateId - e.FirstUpdateId) / 2, PartlyApplied(j)),
            SnapshotPoint.Before => (e.FirstUpdateId - 1, _after[j]),
            _ => (e.FinalUpdateId, _after[j + 1]),
        };
        _truthById[id] = book;
        return Depth.Snapshot(id,
            book.Bids.Select(l => (l.Price, l.Quantity)).ToArray(),
            book.Asks.Select(l => (l.Price, l.Quantity)).ToArray());
    }

    // Mid-event, some of the event's prices already hold an intermediate quantity (never the final one): only
    // applying the whole event on top gives the true book, so skipping it cannot go unnoticed.
    private ReferenceBook PartlyApplied(int j)
    {
        var book = _after[j].Clone();
        var e = _events[j];
        var levels = e.Bids.Select(l => (Bid: true, l)).Concat(e.Asks.Select(l => (Bid: false, l))).ToArray();
        for (var i = 0; i < levels.Length; i += 2)
        {
            var (bid, level) = levels[i];
            book.Set(bid, level.Price, level.Quantity == 0m ? 1m : level.Quantity % 3m + 1m);
        }
        return book;
    }

    private static void Apply(ReferenceBook book, DepthDiff diff)
    {
        foreach (var l in diff.Bids) book.Set(true, l.Price, l.Quantity);
        foreach (var l in diff.Asks) book.Set(false, l.Price, l.Quantity);
    }

    // Bids 100.0 down, asks 100.1 up: five ticks a side, so levels are deleted and re-added all the time.
    private static decimal Price(DepthStreamCase.Change c) => c.Bid ? 100.0m - c.Tick * 0.1m : 100.1m + c.Tick * 0.1m;
}
