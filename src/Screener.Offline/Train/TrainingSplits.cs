namespace Screener.Offline.Train;

/// <summary>The result of a <see cref="TimeSplit"/>: three time-ordered, disjoint sets of rows, each before the next.</summary>
/// <param name="Train">The earliest rows.</param>
/// <param name="Validation">Rows after the train rows' last time plus the purge gap.</param>
/// <param name="Test">Rows after the validation rows' last time plus the purge gap.</param>
/// <param name="Purged">Rows dropped inside the two gaps.</param>
public sealed record TrainingSplits(
    IReadOnlyList<TrainingRow> Train, IReadOnlyList<TrainingRow> Validation, IReadOnlyList<TrainingRow> Test, int Purged)
{
    public override string ToString() => $"train {Train.Count}, validation {Validation.Count}, test {Test.Count}, purged {Purged}";
}
