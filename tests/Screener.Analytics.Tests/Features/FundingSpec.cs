using Screener.Analytics.Features;

namespace Screener.Analytics.Tests.Features;

public sealed class FundingSpec
{
    [Theory]
    [InlineData(0.0001, 8, 0.0001)]
    [InlineData(0.0001, 4, 0.0002)]
    [InlineData(-0.0003, 1, -0.0024)]
    public void Funding_must_normalise_a_rate_to_an_8_hour_basis_by_the_symbols_interval(double rate, int hours, double expected) =>
        Assert.Equal(expected, Funding.Per8Hours(rate, hours), 12);

    [Fact]
    public void Funding_must_refuse_a_non_positive_interval() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Funding.Per8Hours(0.0001, 0));
}
