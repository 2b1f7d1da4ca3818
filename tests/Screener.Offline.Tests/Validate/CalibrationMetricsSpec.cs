using Screener.Analytics.Calibration;
using Screener.Offline.Validate;

namespace Screener.Offline.Tests.Validate;

/// <summary>
/// The calibrators and the metrics together, as validation uses them: fitted on one sample, judged on another.
/// The model is overconfident and biased (true log-odds z ~ N(0, 1), score 3z + 1, reported 1 / (1 + e^−score)).
/// </summary>
public sealed class CalibrationMetricsSpec
{
    [Fact]
    public void Calibration_must_lower_ECE_log_loss_and_Brier_on_held_out_rows_and_keep_the_ranking()
    {
        var (trainScores, trainLabels) = Sample(20_000, seed: 11);
        var (scores, labels) = Sample(20_000, seed: 12);
        var reported = scores.Select(s => 1 / (1 + Math.Exp(-s))).ToArray();

        var isotonic = IsotonicCalibrator.Fit(trainScores, trainLabels, epsilon: 1e-4);
        var platt = PlattCalibrator.Fit(trainScores, trainLabels);

        foreach (IProbabilityCalibrator calibrator in new IProbabilityCalibrator[] { isotonic, platt })
        {
            var calibrated = scores.Select(calibrator.Apply).ToArray();
            Assert.True(Metrics.ExpectedCalibrationError(calibrated, labels) < Metrics.ExpectedCalibrationError(reported, labels) / 4, calibrator.Kind);
            Assert.True(Metrics.LogLoss(calibrated, labels) < Metrics.LogLoss(reported, labels), calibrator.Kind);
            Assert.True(Metrics.Brier(calibrated, labels) < Metrics.Brier(reported, labels), calibrator.Kind);
        }

        // Platt with A < 0 is strictly increasing: the ranking, so AUC, is unchanged. Isotonic is flat within a block:
        // it ties pairs there but never reverses one, so AUC moves by at most half the pairs it ties.
        var auc = Metrics.Auc(scores, labels);
        Assert.Equal(auc, Metrics.Auc(scores.Select(platt.Apply).ToArray(), labels), 9);
        Assert.InRange(Metrics.Auc(scores.Select(isotonic.Apply).ToArray(), labels), auc - 0.01, auc + 0.01);
    }

    private static (double[] Scores, bool[] Labels) Sample(int count, int seed)
    {
        var random = new Random(seed);
        var scores = new double[count];
        var labels = new bool[count];
        for (var i = 0; i < count; i++)
        {
            var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            labels[i] = random.NextDouble() < 1 / (1 + Math.Exp(-z));
            scores[i] = 3 * z + 1;
        }
        return (scores, labels);
    }
}
