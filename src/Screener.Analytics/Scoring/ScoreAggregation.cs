using Screener.Contracts;

namespace Screener.Analytics.Scoring;

/// <summary>
/// One score per symbol from its heads, the expected net edge scaled to the reference horizon:
/// <code>
///   score = max over heads (profile p, horizon h) of  net_edge(p, h) · √(reference / h)
/// </code>
/// with <c>net_edge</c> in bps and <c>reference</c> = <see cref="ScoringSettings.ReferenceHorizonSeconds"/>. Moves grow
/// about as √h, so the scaling puts a 30-second and a 5-minute edge on one footing: without it the longest horizon
/// would win almost every time simply for being longer. The score is in bps at the reference horizon. A head whose net
/// edge is NaN is skipped; ties keep the first head in order, so the choice is deterministic.
/// </summary>
public static class ScoreAggregation
{
    public static (double Score, HeadPrediction? Head) Best(PredictionSnapshot prediction, ScoringSettings settings)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        var heads = prediction.Heads.AsSpan();
        var best = BestIndex(heads, settings);
        return best < 0 ? (double.NegativeInfinity, null) : (HeadScore(heads[best], settings), heads[best]);
    }

    /// <summary>The index of the head that gives the score, or -1 when no head has a net edge.</summary>
    public static int BestIndex(ReadOnlySpan<HeadPrediction> heads, ScoringSettings settings)
    {
        var best = -1;
        var bestScore = double.NegativeInfinity;
        for (var i = 0; i < heads.Length; i++)
        {
            var score = HeadScore(heads[i], settings);
            if (double.IsNaN(score) || (best >= 0 && score <= bestScore)) continue;
            best = i;
            bestScore = score;
        }
        return best;
    }

    public static double HeadScore(HeadPrediction head, ScoringSettings settings) =>
        head.NetEdgeBps * Math.Sqrt(settings.ReferenceHorizonSeconds / (double)head.HorizonSeconds);
}
