using Screener.Offline.Validate;

namespace Screener.Offline.Tests.Validate;

public sealed class LogLossSpec
{
    [Fact]
    public void LogLoss_must_be_the_mean_negative_log_likelihood()
    {
        // −(ln 0.9 + ln(1 − 0.2) + ln(1 − 0.6)) / 3 = (0.10536 + 0.22314 + 0.91629) / 3 = 0.41493.
        Assert.Equal(-(Math.Log(0.9) + Math.Log(0.8) + Math.Log(0.4)) / 3, Metrics.LogLoss([0.9, 0.2, 0.6], [true, false, false]), 15);
        Assert.Equal(0.41493, Metrics.LogLoss([0.9, 0.2, 0.6], [true, false, false]), 5);
        Assert.Equal(Math.Log(2), Metrics.LogLoss([0.5, 0.5], [true, false]), 15);
    }

    [Fact]
    public void LogLoss_must_clip_certain_probabilities_to_1e_15_from_0_and_1()
    {
        // A certain mistake costs −ln(1e-15) = 34.539 rather than ∞; a certain hit costs about 1e-15 rather than 0.
        Assert.Equal(-Math.Log(1e-15), Metrics.LogLoss([0], [true]), 12);
        Assert.Equal(34.538776, Metrics.LogLoss([1], [false]), 2);
        Assert.InRange(Metrics.LogLoss([1, 0], [true, false]), 1e-16, 1e-14);
    }

    [Fact]
    public void LogLoss_must_be_NaN_on_no_rows_and_refuse_values_that_are_not_probabilities()
    {
        Assert.True(double.IsNaN(Metrics.LogLoss([], [])));
        Assert.Throws<ArgumentException>(() => Metrics.LogLoss([1.0000001], [true]));
        Assert.Throws<ArgumentException>(() => Metrics.LogLoss([double.NaN], [false]));
    }
}
