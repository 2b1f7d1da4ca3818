using Screener.Analytics.Features;

namespace Screener.Analytics.Tests.Features;

/// <summary>
/// The spec hash is how a model knows the vector it is fed is the vector it was trained on: it must be stable
/// for the same spec and must move whenever a name, the order, a window or a unit moves.
/// </summary>
public sealed class FeatureSpecSpec
{
    /// <summary>
    /// SHA-256 of "market-v1" + "\n name|window|unit" per feature, first 8 bytes in lower hex (recomputed
    /// independently of the engine, from <c>screener features spec --json</c>, when pinned). If this fails, every
    /// installed model's manifest is stale: bump the spec version on purpose, never by accident.
    /// </summary>
    private const string PinnedMarketV1 = "691f7f0df003bb96";

    private static readonly FeatureSpec Market = MarketFeatures.Spec;

    [Fact]
    public void FeatureSpec_must_keep_the_pinned_hash_for_the_shipped_spec()
    {
        Assert.Equal(PinnedMarketV1, Market.Hash);
        Assert.Equal("market-v1", Market.Version);
        Assert.Equal(66, Market.Features.Count);
    }

    [Fact]
    public void FeatureSpec_must_change_the_hash_when_a_name_unit_window_or_version_changes()
    {
        var features = Market.Features.ToArray();

        var renamed = (FeatureDefinition[])features.Clone();
        renamed[0] = renamed[0] with { Name = "spread" };
        var reunited = (FeatureDefinition[])features.Clone();
        reunited[0] = reunited[0] with { Unit = "ratio" };
        var rewindowed = (FeatureDefinition[])features.Clone();
        rewindowed[8] = rewindowed[8] with { Window = "2s" };

        Assert.NotEqual(Market.Hash, new FeatureSpec(Market.Version, renamed, Market.NanPolicy).Hash);
        Assert.NotEqual(Market.Hash, new FeatureSpec(Market.Version, reunited, Market.NanPolicy).Hash);
        Assert.NotEqual(Market.Hash, new FeatureSpec(Market.Version, rewindowed, Market.NanPolicy).Hash);
        Assert.NotEqual(Market.Hash, new FeatureSpec("market-v2", features, Market.NanPolicy).Hash);
        Assert.NotEqual(Market.Hash, new FeatureSpec(Market.Version, features[..^1], Market.NanPolicy).Hash);
    }

    [Fact]
    public void FeatureSpec_must_change_the_hash_when_the_order_changes()
    {
        var swapped = Market.Features.ToArray();
        (swapped[3], swapped[5]) = (swapped[5], swapped[3]);

        Assert.NotEqual(Market.Hash, new FeatureSpec(Market.Version, swapped, Market.NanPolicy).Hash);
    }

    [Fact]
    public void FeatureSpec_must_keep_the_hash_when_only_documentation_changes()
    {
        // Meaning and NaN policy are prose: rewording them must not invalidate trained models.
        var reworded = Market.Features.Select(f => f with { Meaning = f.Meaning + " (reworded)" }).ToArray();

        Assert.Equal(PinnedMarketV1, new FeatureSpec(Market.Version, reworded, "other policy text").Hash);
    }

    [Fact]
    public void FeatureSpec_must_recompute_the_hash_when_derived_with_a_new_version_or_feature_list()
    {
        // A record `with` copies every field, including one computed in an initializer. A derived spec
        // carrying the old hash would let a model accept a vector it was never trained on.
        Assert.Equal(new FeatureSpec("market-v2", Market.Features, Market.NanPolicy).Hash, (Market with { Version = "market-v2" }).Hash);
        var shorter = Market.Features.Take(10).ToArray();
        Assert.Equal(new FeatureSpec(Market.Version, shorter, Market.NanPolicy).Hash, (Market with { Features = shorter }).Hash);
    }

    [Fact]
    public void Spec_must_name_every_feature_once_with_a_window_unit_and_meaning()
    {
        Assert.Equal(Market.Features.Count, Market.Features.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Market.Features, f =>
        {
            Assert.Matches("^[a-z0-9_]+$", f.Name);
            Assert.False(string.IsNullOrWhiteSpace(f.Window));
            Assert.False(string.IsNullOrWhiteSpace(f.Unit));
            Assert.False(string.IsNullOrWhiteSpace(f.Meaning));
        });
        for (var i = 0; i < Market.Features.Count; i++) Assert.Equal(i, Market.IndexOf(Market.Features[i].Name));
    }

    [Fact]
    public void Spec_must_cover_every_family_over_each_of_its_windows()
    {
        foreach (var family in new[] { "return_bps", "realized_vol_bps", "ofi", "trade_imbalance", "trade_rate", "vwap_dev_bps" })
            foreach (var window in MarketFeatures.WindowNames)
                Assert.Equal(window, Market.Features[Market.IndexOf($"{family}_{window}")].Window);
        Assert.Equal(["1s", "5s", "30s", "2m", "5m"], MarketFeatures.WindowNames);
        Assert.Equal(MarketFeatures.TradeRateZ1s + 2, Market.IndexOf("trade_rate_z_30s"));
        Assert.Equal(MarketFeatures.KyleLambda30s + 2, Market.IndexOf("kyle_lambda_5m"));
    }

    [Theory]
    [InlineData("funding_rate")]
    [InlineData("Spread_Bps")]
    [InlineData("")]
    public void FeatureSpec_must_throw_on_an_unknown_feature_name(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => Market.IndexOf(name));
        Assert.Contains("market-v1", error.Message);
    }
}
