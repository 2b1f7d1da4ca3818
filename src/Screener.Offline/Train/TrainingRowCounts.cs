namespace Screener.Offline.Train;

/// <summary>
/// What became of the snapshots of a training-row build. Each snapshot is counted once, by the first reason that
/// excludes it in this order: <see cref="Thinned"/>, <see cref="Flagged"/>, <see cref="NoObservation"/>, <see cref="Incomplete"/>.
/// </summary>
/// <param name="Snapshots">Snapshots built.</param>
/// <param name="Thinned">Not at a multiple of the row cadence.</param>
/// <param name="Flagged">Excluded: warm-up, stale or book out of sync.</param>
/// <param name="NoObservation">Excluded: the book could not price a trade at the tick (a side empty or crossed).</param>
/// <param name="Incomplete">Excluded: the label of at least one head is incomplete (the data end before its horizon).</param>
/// <param name="Kept">Rows produced.</param>
public sealed record TrainingRowCounts(long Snapshots, long Thinned, long Flagged, long NoObservation, long Incomplete, long Kept)
{
    /// <summary>The counts add up: every snapshot is kept or excluded for exactly one reason.</summary>
    public bool AddsUp => Snapshots == Thinned + Flagged + NoObservation + Incomplete + Kept;

    public override string ToString() =>
        $"{Snapshots} snapshots: {Kept} rows kept; excluded {Thinned} off the row cadence, {Flagged} flagged, {NoObservation} without an observation, {Incomplete} with an incomplete label";
}
