using Screener.Analytics.Ranking;
using Screener.Analytics.Scoring;
using Screener.Contracts;
using Screener.Pipeline.Models;

namespace Screener.Pipeline.Stages;

/// <summary>
/// Event-time conflation and throttling in front of the ranker. Substream outputs arrive interleaved in any
/// order; a round (one cadence time) is complete when every symbol ticked at that time has reported. Complete
/// rounds are processed strictly in time order, each prediction replacing its symbol's previous one (conflation
/// by key), and every <c>RankEveryTicks</c>-th round the latest prediction of every symbol is ranked (throttling
/// to the rank cadence). Because this depends only on element content, replays rank identically.
/// </summary>
public sealed class RankRounds
{
    private readonly long _rankCadence;
    private readonly TopKRanker _ranker;
    private readonly SortedDictionary<long, List<SymbolOutput>> _pending = new();
    private readonly SortedDictionary<string, PredictionSnapshot> _latest = new(StringComparer.Ordinal);
    private readonly List<Contracts.Market.MarketEvent> _health = [];
    private readonly PredictorHost? _models;
    private readonly ScoringSettings _scoring;
    private ModelSwitch? _switch;

    public RankRounds(PipelineSettings settings, PredictorHost? models = null)
    {
        _models = models;
        _scoring = settings.Scoring;
        _rankCadence = settings.RankCadence.Ticks;
        _ranker = new TopKRanker(settings.Ranking);
    }

    private static readonly Comparison<SymbolOutput> BySymbol = (a, b) => string.CompareOrdinal(a.Prediction.Symbol, b.Prediction.Symbol);

    public int PendingRounds => _pending.Count;

    public void Add(SymbolOutput output, List<RankingOutput> results)
    {
        if (!_pending.TryGetValue(output.Time, out var round)) _pending[output.Time] = round = [];
        round.Add(output);

        while (_pending.Count > 0)
        {
            var (time, items) = _pending.First();
            if (items.Count < items[0].RoundSize) break;
            _pending.Remove(time);
            items.Sort(BySymbol);
            foreach (var item in items)
            {
                _latest[item.Prediction.Symbol] = item.Prediction;
                _health.AddRange(item.Health);
            }
            _switch ??= _models?.RoundCompleted(time);
            if (time % _rankCadence == 0) results.Add(Rank(time));
        }
    }

    private RankingOutput Rank(long time)
    {
        var candidates = new List<RankCandidate>(_latest.Count);
        foreach (var prediction in _latest.Values)
        {
            var (score, head) = ScoreAggregation.Best(prediction, _scoring);
            candidates.Add(new RankCandidate(prediction.Symbol, score, head?.Profile ?? "", head?.HorizonSeconds ?? 0,
                prediction.ModelVersion, prediction.Gates.Count == 0 ? Array.Empty<string>() : (IReadOnlyList<string>)prediction.Gates, ReasonCodes.Deferred(prediction.Attributions)));
        }
        var outcome = _ranker.Rank(time, candidates);
        var health = _health.ToArray();
        _health.Clear();
        var completed = _switch;
        _switch = null;
        return new RankingOutput(time, new PredictionBatch(time, _latest.Values.ToArray()), outcome.Events, outcome.Board, health, completed) { Statuses = outcome.Statuses };
    }
}
