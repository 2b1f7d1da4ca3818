using Screener.Contracts;

namespace Screener.Analytics.Ranking;

/// <summary>The top-K after one rank round, best first, and how many symbols were considered.</summary>
public sealed record RankBoard(long Time, EquatableArray<BoardEntry> Entries, int Candidates, string ModelVersion);
