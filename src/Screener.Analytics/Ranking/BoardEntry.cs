namespace Screener.Analytics.Ranking;

/// <summary>One row of the current top-K.</summary>
public sealed record BoardEntry(string Symbol, int Rank, double Score, string Profile, int HorizonSeconds, string Status, int DwellRounds);
