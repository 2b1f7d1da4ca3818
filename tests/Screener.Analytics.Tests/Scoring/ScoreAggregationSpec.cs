using Screener.Analytics.Scoring;
using Screener.Contracts;

namespace Screener.Analytics.Tests.Scoring;

/// <summary>One score per symbol: its best head by net edge, deterministic on ties.</summary>
public sealed class ScoreAggregationSpec
{
    [Fact]
    public void ScoreAggregation_must_pick_the_head_with_the_highest_net_edge()
    {
        var (score, head) = ScoreAggregation.Best(Prediction(Head("taker", 30, -3), Head("taker", 120, 7.5), Head("maker", 30, 2)));

        Assert.Equal(7.5, score);
        Assert.Equal(("taker", 120), (head!.Profile, head.HorizonSeconds));
    }

    [Fact]
    public void ScoreAggregation_must_keep_the_first_head_in_configured_order_on_ties()
    {
        var (score, head) = ScoreAggregation.Best(Prediction(Head("taker", 30, 1), Head("maker", 30, 4), Head("taker", 300, 4)));

        Assert.Equal(4, score);
        Assert.Equal(("maker", 30), (head!.Profile, head.HorizonSeconds));
    }

    [Fact]
    public void ScoreAggregation_must_score_a_prediction_without_heads_below_everything()
    {
        var (score, head) = ScoreAggregation.Best(Prediction());

        Assert.Equal(double.NegativeInfinity, score);
        Assert.Null(head);
    }

    private static HeadPrediction Head(string profile, int horizon, double net) => new(profile, horizon, 0.5, net + 10, 10, net);

    private static PredictionSnapshot Prediction(params HeadPrediction[] heads) =>
        new("KSMUSDT", 0, "baseline-volflow-v1", heads, "unclassified", EquatableArray<Attribution>.Empty, EquatableArray<string>.Empty);
}
