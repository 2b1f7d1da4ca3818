using Screener.Analytics.Ranking;
using Screener.Contracts;

namespace Screener.Pipeline.Stages;

/// <summary>One rank round: the conflated predictions it ranked, the events it emitted and the resulting board.</summary>
public sealed record RankingOutput(long Time, PredictionBatch Predictions, IReadOnlyList<RankEvent> Events, RankBoard Board);
