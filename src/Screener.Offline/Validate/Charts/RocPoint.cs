namespace Screener.Offline.Validate.Charts;

/// <summary>One point of a ROC curve: the rates when the rows scoring at least <see cref="Threshold"/> are called positive.</summary>
/// <param name="FalsePositiveRate">Negatives called positive over all negatives, in [0, 1].</param>
/// <param name="TruePositiveRate">Positives called positive over all positives, in [0, 1].</param>
/// <param name="Threshold">The lowest score called positive; positive infinity for the curve's start, where none is.</param>
public sealed record RocPoint(double FalsePositiveRate, double TruePositiveRate, double Threshold);
