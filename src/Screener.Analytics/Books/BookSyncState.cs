namespace Screener.Analytics.Books;

/// <summary>Where a symbol's book is in its sync cycle.</summary>
public enum BookSyncState
{
    /// <summary>Buffering diffs until a REST snapshot arrives.</summary>
    AwaitingSnapshot = 0,

    /// <summary>Snapshot applied and every later diff chained.</summary>
    Synced = 1,

    /// <summary>A chain break was seen: the book is wrong until a new snapshot; diffs are buffered again.</summary>
    OutOfSync = 2,
}
