using Screener.Contracts.Market;

namespace Screener.Analytics.Books;

/// <summary>
/// Runs a book sync over one REST snapshot and a recorded sequence of diffs, frame by frame, and reports what
/// happened to each: which frames were dropped as older than the snapshot, which applied, and where (if
/// anywhere) the chain broke so a resync would be required. Processing stops at a break.
/// </summary>
public static class BookReplay
{
    public static BookReplayReport Run(IBookSync sync, DepthSnapshot snapshot, IReadOnlyList<DepthDiff> diffs)
    {
        sync.OnSnapshot(snapshot);
        var dropped = new List<int>();
        int? firstApplied = null, resyncAt = null;
        var applied = 0;
        for (var i = 0; i < diffs.Count; i++)
        {
            switch (sync.OnDiff(diffs[i]))
            {
                case BookSyncResult.Applied:
                    firstApplied ??= i;
                    applied++;
                    break;
                case BookSyncResult.Ignored:
                    dropped.Add(i);
                    break;
                default:
                    resyncAt = i;
                    break;
            }
            if (resyncAt is not null) break;
        }

        var bid = sync.Book.BestBid;
        var ask = sync.Book.BestAsk;
        return new BookReplayReport(snapshot.Symbol, snapshot.LastUpdateId, dropped, firstApplied, applied, resyncAt,
            sync.LastUpdateId, sync.Book.BidLevels, sync.Book.AskLevels, sync.Book.TopBids(5), sync.Book.TopAsks(5),
            bid is { } b && ask is { } a && b.Price >= a.Price);
    }
}
