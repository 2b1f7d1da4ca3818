namespace Screener.Analytics.Tests.Books;

/// <summary>Where a REST snapshot's lastUpdateId falls relative to one event of the true chain.</summary>
internal enum SnapshotPoint
{
    /// <summary>lastUpdateId == the event's u.</summary>
    After,

    /// <summary>U &lt;= lastUpdateId &lt; u: part of the event is already in the snapshot.</summary>
    Inside,

    /// <summary>lastUpdateId == U - 1: in the id gap before the event (or equal to its pu when there is none).</summary>
    Before,
}
