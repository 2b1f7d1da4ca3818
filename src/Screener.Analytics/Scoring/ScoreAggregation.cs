using Screener.Contracts;

namespace Screener.Analytics.Scoring;

/// <summary>
/// One score per symbol from its heads: the best net edge in bps over every (profile, horizon), with the head
/// that gave it. Ties keep the first head in configuration order, so the choice is deterministic.
/// </summary>
public static class ScoreAggregation
{
    public static (double Score, HeadPrediction? Head) Best(PredictionSnapshot prediction)
    {
        HeadPrediction? best = null;
        foreach (var head in prediction.Heads)
            if (best is null || head.NetEdgeBps > best.NetEdgeBps) best = head;
        return (best?.NetEdgeBps ?? double.NegativeInfinity, best);
    }
}
