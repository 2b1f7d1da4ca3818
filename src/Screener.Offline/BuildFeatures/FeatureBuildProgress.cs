namespace Screener.Offline.BuildFeatures;

/// <summary>
/// How far a feature export has got, readable from any thread while it runs (the command prints it every few
/// seconds). Only the export writes it.
/// </summary>
public sealed class FeatureBuildProgress
{
    private long _framesRead;
    private long _framesBuilt;
    private long _snapshots;

    /// <summary>Frames read from the journal, inside the range or not.</summary>
    public long FramesRead => Volatile.Read(ref _framesRead);

    /// <summary>Frames inside the range, handed to the feature builder.</summary>
    public long FramesBuilt => Volatile.Read(ref _framesBuilt);

    /// <summary>Snapshots handed to the writer (rows, written or buffered for the current row group).</summary>
    public long Snapshots => Volatile.Read(ref _snapshots);

    internal void FrameRead() => Interlocked.Increment(ref _framesRead);

    internal void FrameBuilt() => Interlocked.Increment(ref _framesBuilt);

    internal void SnapshotWritten() => Interlocked.Increment(ref _snapshots);
}
