namespace Screener.Sim.Market.Episodes;

/// <summary>
/// The market's planted episodes: one <see cref="EpisodeTrack"/> per symbol, each with a random stream derived from
/// the seed and the symbol's index alone (so a symbol's episodes do not depend on the symbol count, and no existing
/// stream of the seed draws differently), and the recorded truth. The market calls <see cref="Plan"/> before its
/// symbols move and <see cref="Observe"/> after, which measures each episode's realized move on the fair price.
/// </summary>
internal sealed class EpisodeBook
{
    private const ulong StreamSalt = 0xC2B2AE3D27D4EB4FUL;

    private readonly EpisodeTrack[] _tracks;
    private readonly int[] _current;
    private readonly double[] _lastLog;
    private readonly double[] _onsetLog;
    private readonly List<InPlayEpisode> _episodes = [];

    public EpisodeBook(IReadOnlyList<SymbolSpec> specs, EpisodeSettings settings, ulong seed, long startMs)
    {
        settings.Validate();
        _tracks = specs.Select((spec, i) => new EpisodeTrack(spec, new SimRandom(seed ^ (StreamSalt * (ulong)(i + 1))), settings, startMs)).ToArray();
        _current = Enumerable.Repeat(-1, specs.Count).ToArray();
        _lastLog = new double[specs.Count];
        _onsetLog = Enumerable.Repeat(double.NaN, specs.Count).ToArray();
    }

    /// <summary>Every episode started so far, in start order; an ended one carries its realized move.</summary>
    public IReadOnlyList<InPlayEpisode> Episodes => _episodes;

    /// <summary>Writes each symbol's effect for the step from <paramref name="previousMs"/> to <paramref name="nowMs"/>.</summary>
    public void Plan(long previousMs, long nowMs, Span<EpisodeEffect> effects)
    {
        for (var i = 0; i < _tracks.Length; i++)
        {
            effects[i] = _tracks[i].Step(previousMs, nowMs, out var started);
            if (started is null) continue;
            _current[i] = _episodes.Count;
            _episodes.Add(started with { Id = _episodes.Count + 1 });
        }
    }

    /// <summary>After the step to <paramref name="nowMs"/>: fair log prices by symbol index; ends the episodes that are over.</summary>
    public void Observe(long nowMs, Func<int, double> logPriceOf)
    {
        for (var i = 0; i < _tracks.Length; i++)
        {
            var log = logPriceOf(i);
            if (_current[i] < 0)
            {
                _lastLog[i] = log;
                continue;
            }

            var episode = _episodes[_current[i]];
            // The onset price is the one before the first step that reaches the onset: that step already carries drift.
            if (nowMs >= episode.OnsetMs && double.IsNaN(_onsetLog[i])) _onsetLog[i] = _lastLog[i];
            _lastLog[i] = log;
            if (nowMs < episode.EndMs) continue;

            var realized = Math.Round(episode.Direction * (log - _onsetLog[i]) * 1e4, 2);
            _episodes[_current[i]] = episode with { RealizedMoveBps = realized };
            _current[i] = -1;
            _onsetLog[i] = double.NaN;
            _tracks[i].Finish(nowMs);
        }
    }
}
