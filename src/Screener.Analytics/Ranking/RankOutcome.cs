using Screener.Contracts;

namespace Screener.Analytics.Ranking;

/// <summary>The events one rank round emitted and the board it left.</summary>
public sealed record RankOutcome(IReadOnlyList<RankEvent> Events, RankBoard Board);
