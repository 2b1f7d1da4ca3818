using Screener.Analytics.Calibration;

namespace Screener.Analytics.Tests.Calibration;

public sealed class PlattCalibratorSpec
{
    [Fact]
    public void PlattCalibrator_must_apply_the_logistic_in_A_s_plus_B()
    {
        var platt = new PlattCalibrator(-2, 1);

        Assert.Equal(0.5, platt.Apply(0.5));                         // A·s + B = 0
        Assert.Equal(1 / (1 + Math.Exp(-1)), platt.Apply(1), 15);     // exp(−2 + 1)
        Assert.Equal(1 / (1 + Math.Exp(3)), platt.Apply(-1), 15);     // exp(2 + 1)
        // Far tails neither overflow nor become NaN.
        Assert.Equal(1, platt.Apply(1e6));
        Assert.Equal(0, platt.Apply(-1e6));
        Assert.Equal(1, platt.Apply(double.PositiveInfinity));
        Assert.True(double.IsNaN(platt.Apply(double.NaN)));
    }

    [Fact]
    public void PlattCalibrator_must_fit_the_smoothed_targets_when_the_classes_are_separable()
    {
        // One negative at −1, one positive at 1. N₊ = N₋ = 1, so the targets are 2/3 and 1/3, which two parameters
        // fit exactly: A + B = ln(1/2) and −A + B = ln 2, so A = −ln 2, B = 0. Unsmoothed, A would run to −∞.
        var platt = PlattCalibrator.Fit([-1, 1], [false, true]);

        Assert.Equal(-Math.Log(2), platt.A, 4);
        Assert.Equal(0, platt.B, 4);
        Assert.Equal(2.0 / 3, platt.Apply(1), 4);
    }

    [Fact]
    public void PlattCalibrator_must_recover_the_A_and_B_the_labels_were_drawn_with()
    {
        const double a = -1.5, b = 0.4;
        var random = new Random(42);
        var scores = new double[40_000];
        var labels = new bool[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = -4 + 8 * random.NextDouble();
            labels[i] = random.NextDouble() < 1 / (1 + Math.Exp(a * scores[i] + b));
        }

        var platt = PlattCalibrator.Fit(scores, labels);

        // Standard errors at this size are about 0.015 on A and 0.02 on B.
        Assert.InRange(platt.A, a - 0.06, a + 0.06);
        Assert.InRange(platt.B, b - 0.08, b + 0.08);
        Assert.Equal(platt.A, PlattCalibrator.Fit(scores, labels).A); // deterministic
    }

    [Fact]
    public void PlattCalibrator_must_undo_an_overconfident_model_and_lower_its_calibration_error()
    {
        var train = MiscalibratedSample.Draw(20_000, seed: 3);
        var test = MiscalibratedSample.Draw(20_000, seed: 4);

        var platt = PlattCalibrator.Fit(train.Scores, train.Labels);
        var before = Ece.Of(test.Reported, test.Labels);
        var after = Ece.Of(test.Scores.Select(platt.Apply).ToArray(), test.Labels);

        Assert.InRange(platt.A, MiscalibratedSample.TrueA - 0.03, MiscalibratedSample.TrueA + 0.03);
        Assert.InRange(platt.B, MiscalibratedSample.TrueB - 0.05, MiscalibratedSample.TrueB + 0.05);
        Assert.True(before > 0.05, $"the sample should be miscalibrated, ECE {before}");
        Assert.True(after < before / 4 && after < 0.02, $"ECE {before} before, {after} after");
    }

    [Fact]
    public void PlattCalibrator_must_stay_finite_when_only_one_class_is_present()
    {
        // All positive: every target is (N₊ + 1) / (N₊ + 2) = 5/6, whatever the score.
        var platt = PlattCalibrator.Fit([0, 1, 2, 3], [true, true, true, true]);

        Assert.True(double.IsFinite(platt.A) && double.IsFinite(platt.B));
        Assert.Equal(5.0 / 6, platt.Apply(1.5), 4);
    }

    [Fact]
    public void PlattCalibrator_must_refuse_rows_it_cannot_fit()
    {
        Assert.Equal("scores", Assert.Throws<ArgumentException>(() => PlattCalibrator.Fit([], [])).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => PlattCalibrator.Fit([1, 2], [true])).ParamName);
        Assert.Equal("scores", Assert.Throws<ArgumentException>(() => PlattCalibrator.Fit([1, double.NaN], [true, false])).ParamName);
        Assert.Throws<ArgumentException>(() => new PlattCalibrator(double.NaN, 0));
        Assert.Throws<ArgumentException>(() => new PlattCalibrator(0, double.NegativeInfinity));
    }
}
