using Screener.Contracts;

namespace Screener.Analytics.Ranking;

/// <summary>
/// The events one rank round emitted, the board it left, and a status for every candidate of the round, ordered
/// by symbol (ordinal).
/// </summary>
public sealed record RankOutcome(IReadOnlyList<RankEvent> Events, RankBoard Board, IReadOnlyList<SymbolStatus> Statuses);
