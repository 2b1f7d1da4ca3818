using Screener.Analytics.Scoring;
using Screener.Contracts;

namespace Screener.Analytics.Tests.Scoring;

/// <summary>One score per symbol: its best head by net edge scaled to the reference horizon, deterministic on ties.</summary>
public sealed class ScoreAggregationSpec
{
    private static readonly ScoringSettings Settings = ScoringSettings.Default with { ReferenceHorizonSeconds = 30 };

    [Fact]
    public void ScoreAggregation_must_pick_the_head_with_the_highest_scaled_net_edge()
    {
        var (score, head) = ScoreAggregation.Best(Prediction(Head("taker", 30, -3), Head("taker", 120, 7.5), Head("maker", 30, 2)), Settings);

        Assert.Equal(7.5 * Math.Sqrt(30.0 / 120), score, 12);
        Assert.Equal(("taker", 120), (head!.Profile, head.HorizonSeconds));
    }

    [Theory]
    [InlineData(20.0, 300)] // 20 * sqrt(30/300) = 6.32 beats 6 at 30 s
    [InlineData(18.0, 30)]  // 18 * sqrt(30/300) = 5.69 loses to 6 at 30 s
    public void ScoreAggregation_must_scale_a_longer_horizon_down_by_the_root_of_its_length(double net300, int winner)
    {
        var (_, head) = ScoreAggregation.Best(Prediction(Head("taker", 30, 6), Head("taker", 300, net300)), Settings);

        Assert.Equal(winner, head!.HorizonSeconds);
    }

    [Fact]
    public void ScoreAggregation_must_express_scores_at_the_configured_reference_horizon()
    {
        var (score, _) = ScoreAggregation.Best(Prediction(Head("maker", 120, 10)), Settings with { ReferenceHorizonSeconds = 120 });

        Assert.Equal(10, score, 12);
    }

    [Fact]
    public void ScoreAggregation_must_keep_the_first_head_in_configured_order_on_ties()
    {
        var (score, head) = ScoreAggregation.Best(Prediction(Head("taker", 30, 1), Head("maker", 30, 4), Head("taker", 30, 4)), Settings);

        Assert.Equal(4, score);
        Assert.Equal(("maker", 30), (head!.Profile, head.HorizonSeconds));
    }

    [Fact]
    public void ScoreAggregation_must_skip_heads_without_a_net_edge_and_score_none_below_everything()
    {
        var (score, head) = ScoreAggregation.Best(Prediction(Head("taker", 30, double.NaN), Head("maker", 30, -1)), Settings);
        Assert.Equal(("maker", -1.0), (head!.Profile, score));

        (score, head) = ScoreAggregation.Best(Prediction(), Settings);
        Assert.Equal(double.NegativeInfinity, score);
        Assert.Null(head);
    }

    private static HeadPrediction Head(string profile, int horizon, double net) => new(profile, horizon, 0.5, net + 10, 10, net);

    private static PredictionSnapshot Prediction(params HeadPrediction[] heads) =>
        new("KSMUSDT", 0, "baseline-volflow-v1", heads, "unclassified", EquatableArray<Attribution>.Empty, EquatableArray<string>.Empty);
}
