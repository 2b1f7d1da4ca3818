using System.Globalization;

namespace Screener.Offline.Validate;

/// <summary>
/// The simulator's oracle for one head: P(in play) given the hidden episode state the model cannot see. A row's state is
/// its symbol's episode phase at the row's time (none, precursor, move, fizzle; the move or fizzle is known only from the
/// onset on, as in the market), the episode's true probability (tenths) and the time to the onset or since it, in
/// quarters of the horizon (capped at 8). The oracle's probability for a state is its in-play rate on the rows it was
/// fitted on (the validation split), with a Beta(1, 1) prior pulled toward the overall rate; unseen states get the
/// overall rate of their phase.
/// </summary>
public sealed class EpisodeOracle
{
    private readonly Dictionary<string, (double Positives, double Count)> _rates;
    private readonly Dictionary<string, List<PlantedEpisode>> _bySymbol;
    private readonly long _horizon;
    private readonly double _overall;

    private EpisodeOracle(Dictionary<string, List<PlantedEpisode>> bySymbol, long horizon, Dictionary<string, (double, double)> rates, double overall)
    {
        _bySymbol = bySymbol;
        _horizon = horizon;
        _rates = rates;
        _overall = overall;
    }

    /// <summary>Fits the state rates on <paramref name="rows"/> (symbol, time, in play).</summary>
    public static EpisodeOracle Fit(IReadOnlyList<PlantedEpisode> episodes, TimeSpan horizon, IEnumerable<(string Symbol, long Time, bool InPlay)> rows)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        ArgumentNullException.ThrowIfNull(rows);
        var bySymbol = episodes.GroupBy(e => e.Symbol, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.PrecursorStart).ToList(), StringComparer.Ordinal);
        var rates = new Dictionary<string, (double Positives, double Count)>(StringComparer.Ordinal);
        double positives = 0, count = 0;
        foreach (var (symbol, time, inPlay) in rows)
        {
            var (state, phase) = State(bySymbol, horizon.Ticks, symbol, time);
            foreach (var key in state == phase ? [state] : new[] { state, phase })
            {
                rates.TryGetValue(key, out var r);
                rates[key] = (r.Positives + (inPlay ? 1 : 0), r.Count + 1);
            }
            positives += inPlay ? 1 : 0;
            count++;
        }
        return new EpisodeOracle(bySymbol, horizon.Ticks, rates, count == 0 ? 0.5 : positives / count);
    }

    /// <summary>The oracle's P(in play) for <paramref name="symbol"/> at <paramref name="time"/>.</summary>
    public double Probability(string symbol, long time)
    {
        var (state, phase) = State(_bySymbol, _horizon, symbol, time);
        var prior = _rates.TryGetValue(phase, out var p) ? (p.Positives + _overall) / (p.Count + 1) : _overall;
        return _rates.TryGetValue(state, out var r) ? (r.Positives + 2 * prior) / (r.Count + 2) : prior;
    }

    /// <summary>The state key and its phase key.</summary>
    private static (string State, string Phase) State(Dictionary<string, List<PlantedEpisode>> bySymbol, long horizon, string symbol, long time)
    {
        if (!bySymbol.TryGetValue(symbol, out var list)) return ("none", "none");
        PlantedEpisode? current = null;
        foreach (var e in list)
        {
            if (e.PrecursorStart > time) break;
            if (time < e.End) current = e;
        }
        if (current is null) return ("none", "none");
        var tenth = Math.Clamp((int)(current.Probability * 10), 0, 9);
        if (time < current.Onset)
        {
            var quarters = Math.Min(8, (current.Onset - time) * 4 / Math.Max(1, horizon));
            return (string.Create(CultureInfo.InvariantCulture, $"precursor|p{tenth}|q{quarters}"), "precursor");
        }
        var phase = current.Fired ? "move" : "fizzle";
        var since = Math.Min(8, (time - current.Onset) * 4 / Math.Max(1, horizon));
        return (string.Create(CultureInfo.InvariantCulture, $"{phase}|p{tenth}|q{since}"), phase);
    }
}
