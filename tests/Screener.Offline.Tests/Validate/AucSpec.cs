using Screener.Offline.Validate;

namespace Screener.Offline.Tests.Validate;

public sealed class AucSpec
{
    [Fact]
    public void Auc_must_be_the_rank_statistic_over_positives_and_negatives()
    {
        // Sorted: 0.1(−) 0.35(+) 0.4(−) 0.8(+), ranks 1..4. Positives' ranks 2 + 4 = 6; minus N₊(N₊+1)/2 = 3 → 3 of
        // N₊·N₋ = 4 pairs ordered right: 0.75.
        Assert.Equal(0.75, Metrics.Auc([0.1, 0.4, 0.35, 0.8], [false, false, true, true]));
        Assert.Equal(1, Metrics.Auc([1, 2, 3], [false, true, true]));
        Assert.Equal(0, Metrics.Auc([3, 2, 1], [false, true, true]));
    }

    [Fact]
    public void Auc_must_give_tied_scores_their_average_rank()
    {
        // Scores 1(−) 2(+) 2(−) 3(+): ranks 1, 2.5, 2.5, 4. Positives 2.5 + 4 = 6.5, minus 3 → 3.5 / 4 = 0.875; by pairs,
        // 2(+) beats 1(−), ties 2(−) for one half, and 3(+) beats both: 1 + 0.5 + 2 = 3.5.
        Assert.Equal(0.875, Metrics.Auc([1, 2, 2, 3], [false, true, false, true]));
        // All tied: every pair is half right.
        Assert.Equal(0.5, Metrics.Auc([5, 5, 5, 5], [true, false, true, false]));
    }

    [Fact]
    public void Auc_must_take_infinite_scores_as_the_extremes()
    {
        Assert.Equal(1, Metrics.Auc([double.NegativeInfinity, 0, double.PositiveInfinity], [false, false, true]));
        Assert.Equal(0.5, Metrics.Auc([double.PositiveInfinity, double.PositiveInfinity], [true, false]));
    }

    [Fact]
    public void Auc_must_be_NaN_when_a_class_is_absent()
    {
        Assert.True(double.IsNaN(Metrics.Auc([], [])));
        Assert.True(double.IsNaN(Metrics.Auc([1, 2], [true, true])));
        Assert.True(double.IsNaN(Metrics.Auc([1, 2], [false, false])));
    }

    [Fact]
    public void Auc_must_refuse_lists_of_different_lengths_and_NaN_scores()
    {
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => Metrics.Auc([1, 2], [true])).ParamName);
        Assert.Equal("scores", Assert.Throws<ArgumentException>(() => Metrics.Auc([1, double.NaN], [true, false])).ParamName);
    }
}
