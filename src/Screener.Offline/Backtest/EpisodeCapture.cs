using Screener.Analytics.Scoring;
using Screener.Contracts;
using Screener.Offline.Validate;

namespace Screener.Offline.Backtest;

/// <summary>
/// Measures how well a session's ranking anticipated the simulator's planted in-play episodes, from what the node
/// journals: the prediction batch of every rank round and the rank events. Only fired episodes count (their move
/// happened), and only those whose precursors began at least <c>warmUp</c> after the first rank round and whose onset
/// falls before the last one. Two views:
/// <list type="bullet">
/// <item>the board, as users see it: was the symbol in the top-K between precursor start and onset, and for how long
/// before the move began; and how many SYMBOL_ENTER events fell inside a fired episode (precursor start to end);</item>
/// <item>the scores, free of thresholds: the symbol's rank by score (<see cref="ScoreAggregation"/>, gated symbols last)
/// at the last rank round before onset: in the top K or not, and as a percentile.</item>
/// </list>
/// Feed every batch and event of one run, in any interleaving, then call <see cref="Result"/>.
/// </summary>
public sealed class EpisodeCapture
{
    private readonly IReadOnlyList<PlantedEpisode> _fired;
    private readonly int _topK;
    private readonly ScoringSettings _scoring;
    private readonly long _warmUp;
    private readonly List<RankEvent> _events = [];
    private readonly SortedDictionary<long, Dictionary<string, (int Rank, int Of)>> _rounds = new();
    private readonly SortedSet<long> _onsets;
    private long _first = long.MaxValue;
    private long _last = long.MinValue;

    public EpisodeCapture(IEnumerable<PlantedEpisode> episodes, int topK, ScoringSettings scoring, TimeSpan warmUp)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        _fired = [.. episodes.Where(e => e.Fired).OrderBy(e => e.Onset)];
        _onsets = [.. _fired.Select(e => e.Onset)];
        _topK = topK;
        _scoring = scoring;
        _warmUp = warmUp.Ticks;
    }

    public void OnPredictions(PredictionBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _first = Math.Min(_first, batch.Time);
        _last = Math.Max(_last, batch.Time);
        // Ranks are kept only for rounds right before an onset: the round at t serves onsets in (t, t + 1 min].
        if (_onsets.GetViewBetween(batch.Time + 1, batch.Time + TimeSpan.TicksPerMinute).Count == 0) return;
        var scored = batch.Predictions
            .Select(p => (p.Symbol, Score: p.Gates.Count > 0 ? double.NegativeInfinity : ScoreAggregation.Best(p, _scoring).Score))
            .OrderByDescending(s => s.Score).ThenBy(s => s.Symbol, StringComparer.Ordinal).ToList();
        _rounds[batch.Time] = scored.Select((s, i) => (s.Symbol, i)).ToDictionary(x => x.Symbol, x => (x.i + 1, scored.Count), StringComparer.Ordinal);
    }

    public void OnRankEvent(RankEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        _events.Add(e);
    }

    public EpisodeCaptureResult Result(string scorer)
    {
        var judged = _fired.Where(e => e.PrecursorStart >= _first + _warmUp && e.Onset <= _last).ToList();
        var board = BoardIntervals();
        int onBoard = 0, topK = 0;
        var leads = new List<double>();
        var percentiles = new List<double>();
        foreach (var e in judged)
        {
            var lead = 0L;
            foreach (var (enter, exit) in board.GetValueOrDefault(e.Symbol, []))
                if (enter < e.Onset && exit > e.PrecursorStart) lead = Math.Max(lead, e.Onset - Math.Max(enter, e.PrecursorStart));
            if (lead > 0)
            {
                onBoard++;
                leads.Add(lead / (double)TimeSpan.TicksPerSecond);
            }
            var before = _rounds.Keys.LastOrDefault(t => t < e.Onset);
            if (_rounds.TryGetValue(before, out var ranks) && ranks.TryGetValue(e.Symbol, out var r))
            {
                if (r.Rank <= _topK) topK++;
                percentiles.Add(r.Of > 1 ? (r.Rank - 1) / (double)(r.Of - 1) : 0);
            }
        }
        var entries = _events.Where(e => e.Kind == RankEventKind.SymbolEnter).ToList();
        var during = entries.Count(x => _fired.Any(e => e.Symbol == x.Symbol && x.Time >= e.PrecursorStart && x.Time <= e.End));
        return new EpisodeCaptureResult(scorer, judged.Count, onBoard, Median(leads), topK,
            percentiles.Count == 0 ? double.NaN : percentiles.Average(), entries.Count, during);
    }

    /// <summary>Per symbol, its [enter, exit) spans on the board; a span still open at the end runs to the last round.</summary>
    private Dictionary<string, List<(long Enter, long Exit)>> BoardIntervals()
    {
        var open = new Dictionary<string, long>(StringComparer.Ordinal);
        var spans = new Dictionary<string, List<(long, long)>>(StringComparer.Ordinal);
        foreach (var e in _events.OrderBy(e => e.Time).ThenBy(e => e.Kind == RankEventKind.SymbolEnter ? 1 : 0))
        {
            if (e.Kind == RankEventKind.SymbolEnter) open[e.Symbol] = e.Time;
            else if (e.Kind == RankEventKind.SymbolExit && open.Remove(e.Symbol, out var enter)) Add(e.Symbol, enter, e.Time);
        }
        foreach (var (symbol, enter) in open) Add(symbol, enter, long.MaxValue);
        return spans;

        void Add(string symbol, long enter, long exit)
        {
            if (!spans.TryGetValue(symbol, out var list)) spans[symbol] = list = [];
            list.Add((enter, exit));
        }
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0) return double.NaN;
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
