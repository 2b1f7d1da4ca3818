namespace Screener.Offline.Train;

/// <summary>The rows of a training-row build, time-major (by time, then symbol ordinal), with their heads and counts.</summary>
/// <param name="SpecHash">The feature spec of every row's features.</param>
/// <param name="Heads">The heads, profile-major in the label builder's order; each row has one label per head in this order.</param>
/// <param name="Rows">The rows kept.</param>
/// <param name="Counts">What was kept and excluded, and why.</param>
public sealed record TrainingSet(string SpecHash, IReadOnlyList<TrainingHead> Heads, IReadOnlyList<TrainingRow> Rows, TrainingRowCounts Counts)
{
    /// <summary>The width of every row's features.</summary>
    public int FeatureCount => Rows.Count == 0 ? 0 : Rows[0].Features.Count;
}
