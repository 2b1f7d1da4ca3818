using Screener.Analytics.Scoring;
using Screener.Contracts;

namespace Screener.Analytics.Tests.Scoring;

/// <summary>Reason codes: the feature and the direction it pushed the score, largest contributions first.</summary>
public sealed class ReasonCodesSpec
{
    private static readonly EquatableArray<Attribution> Attributions = EquatableArray.Create(
        new Attribution("spread_bps", -3.5), new Attribution("realized_vol_bps_30s", 7.25), new Attribution("ofi_5s", 0.5),
        new Attribution("trade_rate_z_5s", 3.5), new Attribution("vpin_50", 0.0));

    [Fact]
    public void ReasonCodes_must_name_the_feature_and_its_direction_largest_first_ties_by_name()
    {
        Assert.Equal(["REALIZED_VOL_BPS_30S_UP", "SPREAD_BPS_DOWN", "TRADE_RATE_Z_5S_UP"], ReasonCodes.Top(Attributions));
        Assert.Equal(["REALIZED_VOL_BPS_30S_UP"], ReasonCodes.Top(Attributions, 1));
        Assert.Equal("VPIN_50_UP", ReasonCodes.Of(new Attribution("vpin_50", 0.0)));
    }

    [Fact]
    public void ReasonCodes_must_give_the_same_codes_deferred_and_reuse_one_string_per_code()
    {
        var deferred = ReasonCodes.Deferred(Attributions);

        Assert.Equal(ReasonCodes.Top(Attributions), deferred);
        Assert.Equal(3, deferred.Count);
        Assert.Same(ReasonCodes.Top(Attributions)[0], deferred[0]);
        Assert.Empty(ReasonCodes.Deferred(EquatableArray<Attribution>.Empty));
    }
}
