using Screener.Analytics.Costs;
using Screener.Analytics.Features;
using Screener.Analytics.Scoring;
using Screener.Contracts;

namespace Screener.Analytics.Tests.Scoring;

/// <summary>The named baseline: heads per (profile, horizon), its cost model, and the gate on bad data.</summary>
public sealed class BaselineScorerSpec
{
    // Horizons 4/16/64 s, so sqrt(h) is 2, 4, 8.
    private static readonly ScoringSettings Settings = new([ExecutionProfile.Taker, ExecutionProfile.Maker], [4, 16, 64], TimeSpan.FromSeconds(1));

    [Fact]
    public void BaselineScorer_must_emit_one_head_per_profile_and_horizon_in_configured_order()
    {
        var reversed = new ScoringSettings([ExecutionProfile.Maker, ExecutionProfile.Taker], [64, 4, 16], TimeSpan.FromSeconds(1));

        var heads = new BaselineScorer(reversed).Predict(Features(spread: 2, vol: 4, volLong: 2, imbalance: -0.5f), []).Heads;

        Assert.Equal(
            new[] { ("maker", 64), ("maker", 4), ("maker", 16), ("taker", 64), ("taker", 4), ("taker", 16) },
            heads.Select(h => (h.Profile, h.HorizonSeconds)));
    }

    [Fact]
    public void BaselineScorer_must_price_move_cost_and_net_edge_as_documented()
    {
        // zVol = (4 - 2) / max(2, 0.1) = 1; boost = 1 + 0.5·1 + |-0.5| = 2; move = 4 · sqrt(h) · 2 = 16, 32, 64.
        // (The volatilities travel as float realized volatilities over 30 s and 5 min, hence 4 decimals.)
        // Taker: 5 + 5 fees + 2 half-spreads · 2/2 = 12 bps.  Maker: 2 + 5 fees + 1 half-spread · 2/2 = 8 bps.
        var heads = new BaselineScorer(Settings).Predict(Features(spread: 2, vol: 4, volLong: 2, imbalance: -0.5f), []).Heads;

        Assert.Equal(new double[] { 16, 32, 64, 16, 32, 64 }, heads.Select(h => Math.Round(h.ExpectedMoveBps, 4)));
        Assert.Equal(new double[] { 12, 12, 12, 8, 8, 8 }, heads.Select(h => h.CostBps));
        Assert.Equal(new double[] { 4, 20, 52, 8, 24, 56 }, heads.Select(h => Math.Round(h.NetEdgeBps, 4)));
        Assert.All(heads, h => Assert.Equal(h.ExpectedMoveBps - h.CostBps, h.NetEdgeBps, 12));
    }

    [Theory]
    [InlineData(0.0, 10.0, 7.0)]
    [InlineData(3.0, 13.0, 8.5)]
    [InlineData(9.995, 19.995, 11.9975)]
    public void ExecutionProfile_must_charge_fees_plus_the_half_spreads_it_pays(double spread, double taker, double maker)
    {
        Assert.Equal(taker, ExecutionProfile.Taker.CostBps(spread), 12);
        Assert.Equal(maker, ExecutionProfile.Maker.CostBps(spread), 12);
    }

    [Fact]
    public void BaselineScorer_must_scale_the_move_with_the_square_root_of_the_horizon()
    {
        // Default horizons 30/120/300 s. No vol surge (short == long), no imbalance: boost 1.
        var heads = new BaselineScorer(ScoringSettings.Default).Predict(Features(spread: 1, vol: 3, volLong: 3, imbalance: 0), []).Heads;
        var taker = heads.Where(h => h.Profile == "taker").ToArray();

        Assert.Equal(3 * Math.Sqrt(30), taker[0].ExpectedMoveBps, 4);   // 16.43168
        Assert.Equal(3 * Math.Sqrt(120), taker[1].ExpectedMoveBps, 4);  // 32.86335
        Assert.Equal(3 * Math.Sqrt(300), taker[2].ExpectedMoveBps, 4);  // 51.96152
        Assert.Equal(2.0, taker[1].ExpectedMoveBps / taker[0].ExpectedMoveBps, 9); // 4× the horizon, 2× the move
    }

    [Fact]
    public void BaselineScorer_must_floor_the_long_vol_when_measuring_a_vol_surge()
    {
        // volLong 0: zVol = (0.2 - 0) / 0.1 = 2, boost = 1 + 0.5·2 = 2, move at 4 s = 0.2 · 2 · 2 = 0.8 (not infinite).
        var head = new BaselineScorer(Settings).Predict(Features(spread: 0, vol: 0.2f, volLong: 0, imbalance: 0), []).Heads[0];

        Assert.Equal(0.8, head.ExpectedMoveBps, 5);
    }

    [Fact]
    public void BaselineScorer_must_price_each_profile_with_its_live_cost_when_the_book_gives_one()
    {
        CostQuote[] costs = [new(10, 3, 1.5, false), new(7, 0, 0.75, false)];

        var heads = new BaselineScorer(ScoringSettings.Default).Predict(Features(2, 4, 2, 0), costs).Heads;

        Assert.All(heads.Where(h => h.Profile == "taker"), h => Assert.Equal(14.5, h.CostBps, 12));
        Assert.All(heads.Where(h => h.Profile == "maker"), h => Assert.Equal(7.75, h.CostBps, 12));
        Assert.All(heads, h => Assert.Equal(h.ExpectedMoveBps - h.CostBps, h.NetEdgeBps, 12));
    }

    [Fact]
    public void BaselineScorer_must_leave_gates_to_the_symbol_scorer()
    {
        var prediction = new BaselineScorer(Settings).Predict(Features(2, 4, 2, 0) with { Quality = DataQuality.WarmUp }, []);

        Assert.Empty(prediction.Gates);
        Assert.Equal(6, prediction.Heads.Count);
    }

    [Fact]
    public void BaselineScorer_must_name_itself_on_every_prediction()
    {
        IPredictor scorer = new BaselineScorer(ScoringSettings.Default);

        var prediction = scorer.Predict(Features(2, 4, 2, 0.3f), []);

        Assert.Equal("baseline-volflow-v1", scorer.ModelVersion);
        Assert.Equal("baseline-volflow-v1", prediction.ModelVersion);
        Assert.Equal("KSMUSDT", prediction.Symbol);
        Assert.Equal(123L, prediction.Time);
    }

    /// <summary>A snapshot whose 30-s and 5-min realized volatilities are <paramref name="vol"/> and <paramref name="volLong"/> bps per √s.</summary>
    private static FeatureSnapshot Features(float spread, float vol, float volLong, float imbalance)
    {
        var values = new float[MarketFeatures.Spec.Features.Count];
        values[MarketFeatures.SpreadBps] = spread;
        values[MarketFeatures.RealizedVolBps[MarketFeatures.W30s]] = (float)(vol * Math.Sqrt(30));
        values[MarketFeatures.RealizedVolBps[MarketFeatures.W5m]] = (float)(volLong * Math.Sqrt(300));
        values[MarketFeatures.TradeImbalance[MarketFeatures.W30s]] = imbalance;
        return new FeatureSnapshot("KSMUSDT", 123, "test-spec", values, DataQuality.Ok);
    }
}
