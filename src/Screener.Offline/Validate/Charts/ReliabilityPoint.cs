namespace Screener.Offline.Validate.Charts;

/// <summary>One bin of a reliability (calibration) diagram.</summary>
/// <param name="MeanPredicted">The mean predicted probability of the bin's rows, in [0, 1].</param>
/// <param name="Observed">The fraction of the bin's rows whose label is positive, in [0, 1].</param>
/// <param name="Count">Rows in the bin; a bin of 0 rows is empty and not drawn, whatever its other values.</param>
public sealed record ReliabilityPoint(double MeanPredicted, double Observed, long Count);
