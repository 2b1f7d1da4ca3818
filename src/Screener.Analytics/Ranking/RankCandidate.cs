namespace Screener.Analytics.Ranking;

/// <summary>A symbol's aggregated score at one rank round, with the head it came from and any gates.</summary>
public sealed record RankCandidate(
    string Symbol, double Score, string Profile, int HorizonSeconds, string ModelVersion,
    IReadOnlyList<string> Gates, IReadOnlyList<string> Reasons)
{
    public bool IsGated => Gates.Count > 0;
}
