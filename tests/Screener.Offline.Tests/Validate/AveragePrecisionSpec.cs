using Screener.Offline.Validate;

namespace Screener.Offline.Tests.Validate;

public sealed class AveragePrecisionSpec
{
    [Fact]
    public void AveragePrecision_must_sum_precision_over_the_recall_steps()
    {
        // From the top: 0.8(+) → P = 1, R = 1/2; 0.4(−) → no recall step; 0.35(+) → P = 2/3, R = 1.
        // AP = 1/2 · 1 + 1/2 · 2/3 = 5/6.
        Assert.Equal(5.0 / 6, Metrics.AveragePrecision([0.1, 0.4, 0.35, 0.8], [false, false, true, true]), 15);
        Assert.Equal(1, Metrics.AveragePrecision([1, 2, 3], [false, true, true]));
    }

    [Fact]
    public void AveragePrecision_must_take_tied_scores_as_one_threshold()
    {
        // 3(+) → TP 1, FP 0, P = 1; {2(+), 2(−)} together → TP 2, FP 1, P = 2/3; 1(+) → TP 3, FP 1, P = 3/4.
        // Each step adds recall 1/3: AP = (1 + 2/3 + 3/4) / 3 = 29/36.
        Assert.Equal(29.0 / 36, Metrics.AveragePrecision([3, 2, 2, 1], [true, true, false, true]), 15);
        Assert.Equal(29.0 / 36, Metrics.AveragePrecision([2, 1, 3, 2], [false, true, true, true]), 15);
        // A tie of one positive and one negative is half right, whichever comes first: not 1 (+ first) or 1/2 by luck.
        Assert.Equal(0.5, Metrics.AveragePrecision([2, 2], [true, false]));
        Assert.Equal(0.5, Metrics.AveragePrecision([2, 2], [false, true]));
    }

    [Fact]
    public void AveragePrecision_must_be_NaN_without_positives_and_1_with_only_positives()
    {
        Assert.True(double.IsNaN(Metrics.AveragePrecision([], [])));
        Assert.True(double.IsNaN(Metrics.AveragePrecision([1, 2], [false, false])));
        Assert.Equal(1, Metrics.AveragePrecision([1, 2, 2], [true, true, true]));
    }

    [Fact]
    public void AveragePrecision_must_refuse_lists_of_different_lengths_and_NaN_scores()
    {
        Assert.Throws<ArgumentException>(() => Metrics.AveragePrecision([1], [true, false]));
        Assert.Throws<ArgumentException>(() => Metrics.AveragePrecision([double.NaN], [true]));
    }
}
