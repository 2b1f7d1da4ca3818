using Screener.Analytics.Ranking;
using Screener.Contracts;

namespace Screener.Pipeline.Stages;

/// <summary>
/// One rank round: the conflated predictions it ranked, the events it emitted, the resulting board, and the
/// gap and stale events of every symbol since the previous round.
/// </summary>
/// <param name="Switch">A model switch completed since the previous rank round, if any.</param>
public sealed record RankingOutput(
    long Time, PredictionBatch Predictions, IReadOnlyList<RankEvent> Events, RankBoard Board, IReadOnlyList<Contracts.Market.MarketEvent> Health,
    ModelSwitch? Switch = null)
{
    /// <summary>Every ranked symbol's status label this round (IN PLAY, HOT, WATCH, HELD, COOLING, DATA ISSUE, TOXIC, ILLIQUID, QUIET), by symbol.</summary>
    public IReadOnlyList<SymbolStatus> Statuses { get; init; } = [];
}
