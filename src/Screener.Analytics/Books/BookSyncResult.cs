namespace Screener.Analytics.Books;

/// <summary>What one diff or snapshot did to the book.</summary>
public enum BookSyncResult
{
    /// <summary>Held until a snapshot arrives.</summary>
    Buffered = 0,

    /// <summary>Applied to the book.</summary>
    Applied = 1,

    /// <summary>Older than the book (its final id precedes the snapshot): ignored, as the rules require.</summary>
    Ignored = 2,

    /// <summary>The chain broke: the book is now out of sync and needs a new snapshot.</summary>
    Gap = 3,

    /// <summary>The snapshot was applied and the buffered diffs chained onto it.</summary>
    Synced = 4,

    /// <summary>The snapshot cannot be joined to the buffered diffs (too old or too new): fetch another.</summary>
    SnapshotRejected = 5,
}
