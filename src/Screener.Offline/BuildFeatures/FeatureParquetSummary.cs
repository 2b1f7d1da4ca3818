namespace Screener.Offline.BuildFeatures;

/// <summary>What a feature export read and wrote.</summary>
/// <param name="FramesRead">Frames read from the journal, inside the range or not.</param>
/// <param name="FramesBuilt">Frames inside the range, run through the feature builder.</param>
/// <param name="FirstSequence">Sequence number of the first frame built (0 when none was).</param>
/// <param name="LastSequence">Sequence number of the last frame built (0 when none was).</param>
/// <param name="Runs">Node runs the built frames span: 1, plus one for each place the sequence numbers start again.</param>
/// <param name="Rows">Snapshots written, one row each.</param>
/// <param name="RowGroups">Row groups written.</param>
/// <param name="SnapshotsPerSymbol">Rows per symbol, in ordinal order of the symbol.</param>
public sealed record FeatureParquetSummary(
    long FramesRead,
    long FramesBuilt,
    long FirstSequence,
    long LastSequence,
    int Runs,
    long Rows,
    int RowGroups,
    IReadOnlyDictionary<string, long> SnapshotsPerSymbol);
