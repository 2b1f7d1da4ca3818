using Screener.Analytics.Ranking;

namespace Screener.Analytics.Tests.Ranking;

/// <summary>Terse candidate builders for ranker specs.</summary>
internal static class Candidates
{
    public const string Model = "baseline-volflow-v1";

    public static RankCandidate Clear(string symbol, double score) => new(symbol, score, "taker", 30, Model, [], ["VOL_SURGE"]);

    public static RankCandidate Gated(string symbol, double score) => new(symbol, score, "taker", 30, Model, ["DATA_ISSUE"], []);

    public static RankCandidate Gated(string symbol, double score, params string[] gates) => new(symbol, score, "taker", 30, Model, gates, []);

    public static RankCandidate[] Round(params RankCandidate[] candidates) => candidates;
}
