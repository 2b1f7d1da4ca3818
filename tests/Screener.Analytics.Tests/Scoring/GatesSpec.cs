using Screener.Analytics.Scoring;

namespace Screener.Analytics.Tests.Scoring;

public sealed class GatesSpec
{
    [Theory]
    [InlineData("DATA_ISSUE:STALE", "DATA_ISSUE")]
    [InlineData("DATA_ISSUE", "DATA_ISSUE")]
    [InlineData("TOXICITY:VPIN", "TOXICITY")]
    [InlineData("LIQUIDITY:SPREAD:WIDE", "LIQUIDITY")]
    [InlineData(":X", "")]
    public void Gates_must_take_the_category_before_the_first_colon(string gate, string category) =>
        Assert.Equal(category, Gates.Category(gate));
}
