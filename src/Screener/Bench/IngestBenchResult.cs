namespace Screener.Bench;

/// <summary>The figures of one ingest benchmark run.</summary>
public sealed record IngestBenchResult(
    IngestBenchOptions Options,
    int Connections,
    int DepthSnapshotLimit,
    IReadOnlyList<string> TapeDescription,
    long TapeFrames,
    ResourceSample Start,
    ResourceSample End,
    long FramesReceived,
    long DecodedEvents,
    long DecodedControl,
    long DecodedUnknown,
    long DecodedMalformed,
    long RestFrames,
    long Messages,
    long DiffsApplied,
    long DiffsChained,
    long DiffsBuffered,
    long DiffsIgnored,
    long Gaps,
    long Snapshots,
    long SnapshotsRejected,
    long BooksSynced,
    long Trades,
    long BookTops,
    long Duplicates,
    long MarkPrices,
    long Liquidations,
    long Disconnects,
    string? ChildStopped)
{
    public long MeasuredMessages => TapeFrames - Options.Warmup;

    public double WallSeconds => (End.Timestamp - Start.Timestamp) / (double)System.Diagnostics.Stopwatch.Frequency;

    public double MessagesPerSecond => MeasuredMessages / WallSeconds;

    public double CpuMicrosPerMessage => (End.Cpu - Start.Cpu).TotalMicroseconds / MeasuredMessages;

    public double UserMicrosPerMessage => (End.UserCpu - Start.UserCpu).TotalMicroseconds / MeasuredMessages;

    public double KernelMicrosPerMessage => (End.KernelCpu - Start.KernelCpu).TotalMicroseconds / MeasuredMessages;

    public double AllocatedBytesPerMessage => (End.AllocatedBytes - Start.AllocatedBytes) / (double)MeasuredMessages;

    public double WorkItemsPerMessage => (End.ThreadPoolWorkItems - Start.ThreadPoolWorkItems) / (double)MeasuredMessages;

    /// <summary>Diffs on the tape's depth frames that the books applied, live or chained onto their snapshot.</summary>
    public long DiffsUsed => DiffsApplied + DiffsChained;

    /// <summary>Diffs still buffered for a snapshot that never came.</summary>
    public long DiffsWaiting => DiffsBuffered - DiffsChained;

    /// <summary>Why the run cannot be trusted, or empty: every check that failed.</summary>
    public IReadOnlyList<string> Failures()
    {
        var failures = new List<string>();
        if (Messages != TapeFrames) failures.Add($"{Messages} of {TapeFrames} tape messages processed");
        if (DecodedMalformed > 0) failures.Add($"{DecodedMalformed} malformed frames");
        if (DecodedUnknown > 0) failures.Add($"{DecodedUnknown} frames of unknown kinds");
        if (Gaps > 0) failures.Add($"{Gaps} book gaps");
        if (SnapshotsRejected > 0) failures.Add($"{SnapshotsRejected} snapshots rejected");
        if (BooksSynced != Options.Symbols) failures.Add($"{BooksSynced} of {Options.Symbols} books synced");
        if (DiffsUsed == 0) failures.Add("no diff applied to a book");
        if (DiffsWaiting > 0) failures.Add($"{DiffsWaiting} diffs still waiting for their snapshot");
        if (DiffsIgnored > 0) failures.Add($"{DiffsIgnored} diffs ignored as older than their book");
        if (Duplicates > 0) failures.Add($"{Duplicates} duplicate trades or book tops");
        if (Disconnects > 0) failures.Add($"{Disconnects} disconnects");
        return failures;
    }
}
