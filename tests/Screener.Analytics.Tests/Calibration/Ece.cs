namespace Screener.Analytics.Tests.Calibration;

/// <summary>
/// Expected calibration error over equal-width bins of the predicted probability: Σ count/N · |observed − mean
/// predicted|, the definition of Screener.Offline's <c>Metrics.ExpectedCalibrationError</c>, written out here because
/// Analytics cannot reference Offline.
/// </summary>
internal static class Ece
{
    public static double Of(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, int bins = 10)
    {
        var count = new int[bins];
        var predicted = new double[bins];
        var observed = new double[bins];
        for (var i = 0; i < probabilities.Count; i++)
        {
            var bin = Math.Min((int)(probabilities[i] * bins), bins - 1);
            count[bin]++;
            predicted[bin] += probabilities[i];
            if (labels[i]) observed[bin]++;
        }
        double ece = 0;
        for (var b = 0; b < bins; b++)
            if (count[b] > 0) ece += Math.Abs(observed[b] - predicted[b]) / probabilities.Count;
        return ece;
    }
}
