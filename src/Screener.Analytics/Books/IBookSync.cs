using Screener.Contracts.Market;

namespace Screener.Analytics.Books;

/// <summary>One symbol's local book kept in sync by a market's rules (futures or spot differ).</summary>
public interface IBookSync
{
    OrderBook Book { get; }

    BookSyncState State { get; }

    /// <summary>Final update id of the last applied diff (or the snapshot's id before any diff).</summary>
    long LastUpdateId { get; }

    /// <summary>The id the chain expected and the one it got at the last gap.</summary>
    (long Expected, long Actual) LastGap { get; }

    BookSyncResult OnDiff(DepthDiff diff);

    BookSyncResult OnSnapshot(DepthSnapshot snapshot);
}
