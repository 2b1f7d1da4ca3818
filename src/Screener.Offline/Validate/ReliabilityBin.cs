namespace Screener.Offline.Validate;

/// <summary>One bin of a reliability diagram (<see cref="Metrics.Reliability"/>).</summary>
/// <param name="Lower">Inclusive lower bound of the predicted probability.</param>
/// <param name="Upper">Exclusive upper bound (inclusive for the last bin, whose bound is 1).</param>
/// <param name="Count">Rows whose predicted probability falls in the bin.</param>
/// <param name="MeanPredicted">Mean predicted probability of those rows; NaN when the bin is empty.</param>
/// <param name="ObservedRate">Fraction of those rows that are positive; NaN when the bin is empty.</param>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanPredicted, double ObservedRate);
