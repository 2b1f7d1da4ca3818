using Screener.Analytics.Features;

namespace Screener.Analytics.Tests.Features;

/// <summary>
/// The spec hash is how a model knows the vector it is fed is the vector it was trained on: it must be stable
/// for the same spec and must move whenever a name, the order, a window or a unit moves.
/// </summary>
public sealed class FeatureSpecSpec
{
    /// <summary>
    /// SHA-256 of "spine-v2" + "\n name|window|unit" per feature, first 8 bytes in lower hex (recomputed
    /// independently of the engine when pinned). If this fails, every installed model's manifest is stale:
    /// bump the spec version on purpose, never by accident.
    /// </summary>
    private const string PinnedSpine20x240 = "629d54b64232a46e";

    [Fact]
    public void FeatureSpec_must_keep_the_pinned_hash_for_the_default_spine()
    {
        Assert.Equal(PinnedSpine20x240, SpineFeatures.Create(20, 240).Hash);
        Assert.Equal(SpineFeatures.Create(20, 240).Hash, SpineFeatures.Create(20, 240).Hash);
    }

    [Theory]
    [InlineData(21, 240)]
    [InlineData(20, 241)]
    [InlineData(240, 20)]
    public void FeatureSpec_must_change_the_hash_when_a_window_changes(int shortTicks, int longTicks) =>
        Assert.NotEqual(PinnedSpine20x240, SpineFeatures.Create(shortTicks, longTicks).Hash);

    [Fact]
    public void FeatureSpec_must_change_the_hash_when_a_name_unit_or_version_changes()
    {
        var spine = SpineFeatures.Create(20, 240);
        var features = spine.Features.ToArray();

        var renamed = (FeatureDefinition[])features.Clone();
        renamed[0] = renamed[0] with { Name = "spread" };
        var reunited = (FeatureDefinition[])features.Clone();
        reunited[0] = reunited[0] with { Unit = "ratio" };

        Assert.NotEqual(spine.Hash, new FeatureSpec(spine.Version, renamed, spine.NanPolicy).Hash);
        Assert.NotEqual(spine.Hash, new FeatureSpec(spine.Version, reunited, spine.NanPolicy).Hash);
        Assert.NotEqual(spine.Hash, new FeatureSpec("spine-v3", features, spine.NanPolicy).Hash);
        Assert.NotEqual(spine.Hash, new FeatureSpec(spine.Version, features[..^1], spine.NanPolicy).Hash);
    }

    [Fact]
    public void FeatureSpec_must_change_the_hash_when_the_order_changes()
    {
        var spine = SpineFeatures.Create(20, 240);
        var swapped = spine.Features.ToArray();
        (swapped[3], swapped[5]) = (swapped[5], swapped[3]);

        Assert.NotEqual(spine.Hash, new FeatureSpec(spine.Version, swapped, spine.NanPolicy).Hash);
    }

    [Fact]
    public void FeatureSpec_must_keep_the_hash_when_only_documentation_changes()
    {
        // Meaning and NaN policy are prose: rewording them must not invalidate trained models.
        var spine = SpineFeatures.Create(20, 240);
        var reworded = spine.Features.Select(f => f with { Meaning = f.Meaning + " (reworded)" }).ToArray();

        Assert.Equal(PinnedSpine20x240, new FeatureSpec(spine.Version, reworded, "other policy text").Hash);
    }

    [Fact]
    public void FeatureSpec_must_recompute_the_hash_when_derived_with_a_new_version_or_feature_list()
    {
        // A record `with` copies every field, including one computed in an initializer. A derived spec
        // carrying the old hash would let a model accept a vector it was never trained on.
        var spine = SpineFeatures.Create(20, 240);

        Assert.Equal(new FeatureSpec("spine-v3", spine.Features, spine.NanPolicy).Hash, (spine with { Version = "spine-v3" }).Hash);
        Assert.Equal(SpineFeatures.Create(20, 241).Hash, (spine with { Features = SpineFeatures.Create(20, 241).Features }).Hash);
    }

    [Fact]
    public void FeatureSpec_must_find_features_by_name_in_spec_order()
    {
        var spine = SpineFeatures.Create(20, 240);

        Assert.Equal(SpineFeatures.SpreadBps, spine.IndexOf("spread_bps"));
        Assert.Equal(SpineFeatures.TradeImbalance, spine.IndexOf("trade_imbalance"));
        Assert.Equal(SpineFeatures.RealizedVolBpsLong, spine.IndexOf("realized_vol_bps_long"));
        Assert.Equal(SpineFeatures.TradeCount, spine.IndexOf("trade_count"));
        Assert.Equal(SpineFeatures.FundingRate8hBps, spine.IndexOf("funding_rate_8h_bps"));
        Assert.Equal(9, spine.Features.Count);
        for (var i = 0; i < spine.Features.Count; i++) Assert.Equal(i, spine.IndexOf(spine.Features[i].Name));
    }

    [Theory]
    [InlineData("funding_rate")]
    [InlineData("Spread_Bps")]
    [InlineData("")]
    public void FeatureSpec_must_throw_on_an_unknown_feature_name(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => SpineFeatures.Create(20, 240).IndexOf(name));
        Assert.Contains("spine-v2", error.Message);
    }
}
