using Screener.Offline.Validate;

namespace Screener.Offline.Tests.Validate;

/// <summary>Reliability diagrams and the expected calibration error.</summary>
public sealed class ReliabilitySpec
{
    private static readonly double[] Probabilities = [0.1, 0.2, 0.3, 0.6, 0.9, 1.0];
    private static readonly bool[] Labels = [false, false, true, true, false, true];

    [Fact]
    public void Reliability_must_count_rows_per_equal_width_bin_with_their_mean_prediction_and_observed_rate()
    {
        var bins = Metrics.Reliability(Probabilities, Labels, bins: 4);

        // [0, .25): 0.1, 0.2, both negative. [.25, .5): 0.3, positive. [.5, .75): 0.6, positive. [.75, 1]: 0.9 (−), 1.0 (+).
        Assert.Equal([0, 0.25, 0.5, 0.75], bins.Select(b => b.Lower));
        Assert.Equal([0.25, 0.5, 0.75, 1], bins.Select(b => b.Upper));
        Assert.Equal([2, 1, 1, 2], bins.Select(b => b.Count));
        Assert.Equal([0.15, 0.3, 0.6, 0.95], bins.Select(b => Math.Round(b.MeanPredicted, 15)));
        Assert.Equal([0, 1, 1, 0.5], bins.Select(b => b.ObservedRate));
    }

    [Fact]
    public void ExpectedCalibrationError_must_weight_each_bins_gap_by_its_share_of_rows()
    {
        // (2·|0 − .15| + 1·|1 − .3| + 1·|1 − .6| + 2·|.5 − .95|) / 6 = (0.3 + 0.7 + 0.4 + 0.9) / 6 = 2.3 / 6.
        Assert.Equal(2.3 / 6, Metrics.ExpectedCalibrationError(Probabilities, Labels, bins: 4), 15);
        Assert.Equal(Metrics.ExpectedCalibrationError(Probabilities, Labels, 4),
            Metrics.ExpectedCalibrationError(Metrics.Reliability(Probabilities, Labels, 4)));
        // Calibrated: a quarter of the rows predicted 0.25 are positive.
        Assert.Equal(0, Metrics.ExpectedCalibrationError([0.25, 0.25, 0.25, 0.25], [true, false, false, false]));
    }

    [Fact]
    public void Reliability_must_open_each_bin_at_its_reported_lower_bound_and_close_the_last_at_1()
    {
        // 36 of these bounds, (15/22)·22 first, multiply back to just below their integer: the integer part alone
        // would put a probability equal to the bound one bin low.
        for (var count = 1; count <= 60; count++)
        {
            var bins = Enumerable.Range(0, count).Select(b => (double)b / count).ToArray();
            var diagram = Metrics.Reliability(bins, bins.Select(_ => true).ToArray(), count);
            for (var b = 0; b < count; b++)
            {
                Assert.Equal(bins[b], diagram[b].Lower);
                Assert.Equal(1, diagram[b].Count);
            }
            Assert.Equal(1, diagram[^1].Upper);
            Assert.Equal(1, Metrics.Reliability([1.0], [true], count)[^1].Count);
        }
    }

    [Fact]
    public void Reliability_must_return_empty_bins_with_NaN_means_and_ECE_must_be_NaN_on_no_rows()
    {
        var diagram = Metrics.Reliability([0.05], [true], bins: 10);

        Assert.Equal(10, diagram.Count);
        Assert.All(diagram.Skip(1), b => Assert.True(b.Count == 0 && double.IsNaN(b.MeanPredicted) && double.IsNaN(b.ObservedRate)));
        Assert.True(double.IsNaN(Metrics.ExpectedCalibrationError([], [])));
        Assert.All(Metrics.Reliability([], [], 3), b => Assert.Equal(0, b.Count));
    }

    [Fact]
    public void Reliability_must_refuse_bad_bins_and_values_that_are_not_probabilities()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.Reliability([0.5], [true], bins: 0));
        Assert.Throws<ArgumentException>(() => Metrics.Reliability([1.5], [true]));
        Assert.Throws<ArgumentException>(() => Metrics.ExpectedCalibrationError([0.5], [true, false]));
    }
}
