using Screener.Offline.Validate.Charts;

namespace Screener.Offline.Tests.Validate.Charts;

public sealed class RocCurveSpec
{
    // Seven rows, three positive and four negative, with two ties: 0.8 (one of each) and 0.5 (one of each).
    private static readonly double[] Scores = [0.9, 0.8, 0.8, 0.7, 0.5, 0.5, 0.3];
    private static readonly bool[] Labels = [true, true, false, false, true, false, false];

    [Fact]
    public void RocCurve_must_step_once_per_distinct_score_with_ties_moving_together()
    {
        var points = RocCurve.From(Scores, Labels);

        // By hand, P = 3 and N = 4: each point counts every row scoring at least its threshold as positive.
        RocPoint[] expected =
        [
            new(0, 0, double.PositiveInfinity),
            new(0, 1 / 3.0, 0.9), // TP 1
            new(1 / 4.0, 2 / 3.0, 0.8), // the tie: TP 2, FP 1 in one step
            new(2 / 4.0, 2 / 3.0, 0.7), // FP 2
            new(3 / 4.0, 1, 0.5), // the tie: TP 3, FP 3
            new(1, 1, 0.3), // FP 4
        ];
        Assert.Equal(expected, points);
    }

    [Fact]
    public void RocCurve_must_give_the_same_points_whatever_the_row_order()
    {
        var reversed = RocCurve.From([.. Scores.Reverse()], [.. Labels.Reverse()]);
        int[] shuffle = [4, 2, 6, 0, 5, 1, 3];
        var shuffled = RocCurve.From([.. shuffle.Select(i => Scores[i])], [.. shuffle.Select(i => Labels[i])]);

        Assert.Equal(RocCurve.From(Scores, Labels), reversed);
        Assert.Equal(RocCurve.From(Scores, Labels), shuffled);
    }

    [Fact]
    public void RocCurve_must_be_the_diagonal_in_one_step_when_every_score_ties()
    {
        var points = RocCurve.From([0.5, 0.5, 0.5, 0.5, 0.5], [true, false, false, true, false]);

        Assert.Equal([new RocPoint(0, 0, double.PositiveInfinity), new RocPoint(1, 1, 0.5)], points);
    }

    [Fact]
    public void RocCurve_must_reach_the_corner_when_the_scores_separate_the_classes()
    {
        var points = RocCurve.From([0.1, 0.9, 0.8, 0.2], [false, true, true, false]);

        Assert.Equal(
            [new RocPoint(0, 0, double.PositiveInfinity), new RocPoint(0, 0.5, 0.9), new RocPoint(0, 1, 0.8), new RocPoint(0.5, 1, 0.2), new RocPoint(1, 1, 0.1)],
            points);
    }

    [Fact]
    public void RocCurve_must_be_empty_when_the_labels_lack_a_class()
    {
        Assert.Empty(RocCurve.From([], []));
        Assert.Empty(RocCurve.From([0.2, 0.7], [true, true]));
        Assert.Empty(RocCurve.From([0.2, 0.7], [false, false]));
    }

    [Fact]
    public void RocCurve_must_refuse_a_NaN_or_infinite_score_and_mismatched_lengths()
    {
        var nan = Assert.Throws<ArgumentException>(() => RocCurve.From([0.2, double.NaN], [true, false]));
        Assert.Contains("Score 1 is NaN", nan.Message);
        Assert.Throws<ArgumentException>(() => RocCurve.From([0.2, double.PositiveInfinity], [true, false]));
        Assert.Throws<ArgumentException>(() => RocCurve.From([0.2, 0.3], [true]));
    }
}
