using Screener.Offline.Validate;

namespace Screener.Offline.Tests.Validate;

public sealed class BrierSpec
{
    [Fact]
    public void Brier_must_be_the_mean_squared_error_of_the_probabilities()
    {
        // (0.9 − 1)² + (0.2 − 0)² + (0.6 − 0)² = 0.01 + 0.04 + 0.36 = 0.41, over 3.
        Assert.Equal(0.41 / 3, Metrics.Brier([0.9, 0.2, 0.6], [true, false, false]), 15);
        Assert.Equal(0, Metrics.Brier([1, 0], [true, false]));
        Assert.Equal(1, Metrics.Brier([0, 1], [true, false]));
    }

    [Fact]
    public void Brier_must_be_NaN_on_no_rows_and_refuse_values_that_are_not_probabilities()
    {
        Assert.True(double.IsNaN(Metrics.Brier([], [])));
        Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => Metrics.Brier([1.2], [true])).ParamName);
        Assert.Throws<ArgumentException>(() => Metrics.Brier([-0.1], [true]));
        Assert.Throws<ArgumentException>(() => Metrics.Brier([double.NaN], [true]));
        Assert.Throws<ArgumentException>(() => Metrics.Brier([0.5, 0.5], [true]));
    }
}
