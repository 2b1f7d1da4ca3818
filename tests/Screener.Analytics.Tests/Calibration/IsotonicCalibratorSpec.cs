using Screener.Analytics.Calibration;

namespace Screener.Analytics.Tests.Calibration;

/// <summary>Hand-worked PAV fits, the breakpoint rules, interpolation and the refusals.</summary>
public sealed class IsotonicCalibratorSpec
{
    [Fact]
    public void IsotonicCalibrator_must_pool_adjacent_violators_into_blocks()
    {
        // Labels 1,0,1,0,1 on scores 1..5. Push 1@1; 0@2 violates → {1,2} = 0.5; 1@3; 0@4 violates → {3,4} = 0.5,
        // which equals the block before → {1..4} = 2/4 = 0.5; 1@5. Blocks {1..4} = 0.5 and {5} = 1.
        var fit = IsotonicCalibrator.Fit([1, 2, 3, 4, 5], [true, false, true, false, true]);

        Assert.Equal([1, 4, 5], fit.X.ToArray());
        Assert.Equal([0.5, 0.5, 1], fit.Y.ToArray());
        Assert.Equal(0.5, fit.Apply(2.5));  // flat inside a block
        Assert.Equal(0.75, fit.Apply(4.5)); // halfway between (4, 0.5) and (5, 1)
        Assert.Equal(0.5, fit.Apply(-100)); // clamped below
        Assert.Equal(1, fit.Apply(100));    // and above
    }

    [Fact]
    public void IsotonicCalibrator_must_merge_a_run_of_violators_back_to_the_first_block_it_breaks()
    {
        // Labels 0,1,1,0,0,1 on scores 1..6. 0@1; 1@2; 1@3 equals → {2,3} = 1; 0@4 → {2..4} = 2/3; 0@5 → {2..5} = 2/4;
        // 0.5 is above {1} = 0, so it stops; 1@6. Blocks {1} = 0, {2..5} = 0.5, {6} = 1.
        var fit = IsotonicCalibrator.Fit([1, 2, 3, 4, 5, 6], [false, true, true, false, false, true]);

        Assert.Equal([1, 2, 5, 6], fit.X.ToArray());
        Assert.Equal([0, 0.5, 0.5, 1], fit.Y.ToArray());
        Assert.Equal(0.25, fit.Apply(1.5)); // between (1, 0) and (2, 0.5)
    }

    [Fact]
    public void IsotonicCalibrator_must_pool_equal_scores_into_one_block_before_PAV()
    {
        // Score 2 holds a 1 and a 0: one block of 0.5 at x = 2, whatever order they come in. Unpooled, the 0 after
        // the 0@1 could merge into {1} and leave x = 2 twice.
        var a = IsotonicCalibrator.Fit([1, 2, 2], [false, false, true]);
        var b = IsotonicCalibrator.Fit([2, 1, 2], [true, false, false]);

        Assert.Equal([1, 2], a.X.ToArray());
        Assert.Equal([0, 0.5], a.Y.ToArray());
        Assert.Equal(a.X.ToArray(), b.X.ToArray());
        Assert.Equal(a.Y.ToArray(), b.Y.ToArray());

        // Ties that violate: x=1 → 1/2, x=2 → 0/2, merged into one block of 1/4 spanning [1, 2].
        var c = IsotonicCalibrator.Fit([1, 1, 2, 2], [true, false, false, false]);
        Assert.Equal([1, 2], c.X.ToArray());
        Assert.Equal([0.25, 0.25], c.Y.ToArray());
    }

    [Fact]
    public void IsotonicCalibrator_must_weight_rows_and_leave_out_rows_of_weight_zero()
    {
        // (1, label 1, w 3) and (2, label 0, w 1) violate: (3·1 + 1·0) / 4 = 0.75. The row at 9 weighs nothing.
        var fit = IsotonicCalibrator.Fit([1, 2, 9], [true, false, false], [3, 1, 0]);

        Assert.Equal([1, 2], fit.X.ToArray());
        Assert.Equal([0.75, 0.75], fit.Y.ToArray());
    }

    [Fact]
    public void IsotonicCalibrator_must_keep_values_within_epsilon_of_0_and_1_when_asked()
    {
        var plain = IsotonicCalibrator.Fit([1, 2], [false, true]);
        var kept = IsotonicCalibrator.Fit([1, 2], [false, true], epsilon: 0.01);

        Assert.Equal([0, 1], plain.Y.ToArray());
        Assert.Equal([0.01, 0.99], kept.Y.ToArray());
        Assert.Equal(0.01, kept.Apply(-1e300));
    }

    [Fact]
    public void IsotonicCalibrator_must_drop_the_inside_of_a_flat_run_made_by_the_epsilon_clamp()
    {
        // Means 0 @1, 1/1000 @2, 2/1000 @3 and 1 @4: strictly increasing, but clamped at 0.01 the first three are
        // equal, and the point at 2 is inside a flat run: it is dropped, and the map is unchanged.
        double[] scores = [1, 2, 2, 3, 3, 4];
        bool[] labels = [false, true, false, true, false, true];
        double[] weights = [1, 1, 999, 2, 998, 1];

        var plain = IsotonicCalibrator.Fit(scores, labels, weights);
        var kept = IsotonicCalibrator.Fit(scores, labels, weights, epsilon: 0.01);

        Assert.Equal([1, 2, 3, 4], plain.X.ToArray());
        Assert.Equal([0, 0.001, 0.002, 1], plain.Y.ToArray());
        Assert.Equal([1, 3, 4], kept.X.ToArray());
        Assert.Equal([0.01, 0.01, 0.99], kept.Y.ToArray());
        Assert.Equal(0.01, kept.Apply(2));
        Assert.Equal(0.5, kept.Apply(3.5), 15);
    }

    [Fact]
    public void IsotonicCalibrator_must_give_one_point_for_a_single_score_and_map_everything_to_it()
    {
        var fit = IsotonicCalibrator.Fit([7, 7, 7, 7], [true, false, false, false]);

        Assert.Equal([7], fit.X.ToArray());
        Assert.Equal([0.25], fit.Y.ToArray());
        Assert.Equal(0.25, fit.Apply(double.NegativeInfinity));
        Assert.Equal(0.25, fit.Apply(7));
        Assert.Equal(0.25, fit.Apply(double.PositiveInfinity));
        Assert.True(double.IsNaN(fit.Apply(double.NaN)));
    }

    [Fact]
    public void IsotonicCalibrator_must_give_identical_arrays_for_the_same_rows_in_any_order()
    {
        var random = new Random(17);
        var scores = Enumerable.Range(0, 500).Select(_ => Math.Round(random.NextDouble() * 10, 1)).ToArray();
        var labels = scores.Select(s => random.NextDouble() < s / 10).ToArray();
        var weights = scores.Select(_ => 0.1 + random.NextDouble()).ToArray();
        var order = Enumerable.Range(0, scores.Length).OrderBy(_ => random.Next()).ToArray();

        var first = IsotonicCalibrator.Fit(scores, labels, weights);
        var again = IsotonicCalibrator.Fit(scores, labels, weights);
        var shuffled = IsotonicCalibrator.Fit(order.Select(i => scores[i]).ToArray(), order.Select(i => labels[i]).ToArray(),
            order.Select(i => weights[i]).ToArray());

        Assert.Equal(first.X.ToArray(), again.X.ToArray());
        Assert.Equal(first.Y.ToArray(), again.Y.ToArray());
        // Bit for bit: tied rows are summed in a canonical order, so floating-point sums cannot differ.
        Assert.Equal(first.X.ToArray().Select(BitConverter.DoubleToInt64Bits), shuffled.X.ToArray().Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(first.Y.ToArray().Select(BitConverter.DoubleToInt64Bits), shuffled.Y.ToArray().Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void IsotonicCalibrator_must_store_a_zero_score_as_positive_zero_whichever_sign_came_first()
    {
        var a = IsotonicCalibrator.Fit([-0.0, 0.0, 1], [true, true, false]);
        var b = IsotonicCalibrator.Fit([0.0, -0.0, 1], [true, true, false]);

        Assert.Equal(BitConverter.DoubleToInt64Bits(0.0), BitConverter.DoubleToInt64Bits(a.X[0]));
        Assert.Equal(BitConverter.DoubleToInt64Bits(0.0), BitConverter.DoubleToInt64Bits(b.X[0]));
    }

    [Fact]
    public void IsotonicCalibrator_must_lower_the_calibration_error_of_an_overconfident_model()
    {
        var train = MiscalibratedSample.Draw(20_000, seed: 1);
        var test = MiscalibratedSample.Draw(20_000, seed: 2);

        var fit = IsotonicCalibrator.Fit(train.Reported, train.Labels, epsilon: 1e-3);
        var before = Ece.Of(test.Reported, test.Labels);
        var after = Ece.Of(test.Reported.Select(fit.Apply).ToArray(), test.Labels);

        Assert.True(before > 0.05, $"the sample should be miscalibrated, ECE {before}");
        Assert.True(after < before / 4 && after < 0.02, $"ECE {before} before, {after} after");
    }

    public static TheoryData<double[], bool[], double[], string> BadRows => new()
    {
        { [1, 2], [true], [], "labels" },
        { [1, 2], [true, false], [1], "weights" },
        { [1, double.NaN], [true, false], [], "scores" },
        { [1, double.PositiveInfinity], [true, false], [], "scores" },
        { [1, 2], [true, false], [1, -1], "weights" },
        { [1, 2], [true, false], [1, double.NaN], "weights" },
        { [1, 2], [true, false], [0, 0], "scores" },
        { [], [], [], "scores" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void IsotonicCalibrator_must_refuse_rows_it_cannot_fit(double[] scores, bool[] labels, double[] weights, string parameter)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => IsotonicCalibrator.Fit(scores, labels, weights));
        Assert.Equal(parameter, error.ParamName);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    public void IsotonicCalibrator_must_refuse_an_epsilon_outside_0_to_one_half(double epsilon) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IsotonicCalibrator.Fit([1, 2], [false, true], epsilon: epsilon));

    [Fact]
    public void IsotonicCalibrator_must_refuse_breakpoints_that_are_not_monotone()
    {
        Assert.Contains("strictly increasing", Assert.Throws<ArgumentException>(() => new IsotonicCalibrator([1, 1], [0, 1])).Message);
        Assert.Contains("non-decreasing", Assert.Throws<ArgumentException>(() => new IsotonicCalibrator([1, 2], [0.6, 0.4])).Message);
    }
}
