namespace Screener.Sim.Market.Episodes;

/// <summary>
/// One symbol's planted episodes, as a state machine stepped with the market. Idle until its next start, then:
/// <list type="bullet">
/// <item><b>Precursor</b> (30 to 90 s): with strength <c>s = 0.3 + 0.7 p</c> and a ramp <c>r</c> from 0 to 1, taker
/// and churn intensity × (1 + 1.5 s r), takers lean to the episode's direction (buy probability + 0.2 s r × direction),
/// idiosyncratic volatility compresses × (1 - 0.4 s r), new quotes on the side the move would run into thin
/// × (1 - 0.6 s r) while the other side thickens × (1 + 0.4 s r). No drift: the price itself tells nothing yet.</item>
/// <item><b>Move</b>, with probability <c>p</c> (60 to 240 s): the fair price drifts by the planted magnitude in the
/// direction, front-loaded (<c>1 - (1 - x)²</c> of it after a fraction <c>x</c> of the time), with intensity
/// × (1 + 2.5 w), buy bias 0.3 w × direction, volatility × (1 + w) and the side ahead thinned × (1 - 0.5 w),
/// where <c>w = 1 - x</c> fades as the move completes.</item>
/// <item><b>Fizzle</b>, with probability <c>1 - p</c> (20 s): the precursor effects fade linearly to nothing.</item>
/// </list>
/// Then a cooldown and an exponential wait until the next start. Every draw of an episode is made when its precursors
/// start, in a fixed order and number, from the track's own random stream; the precursors use only <c>p</c> and the
/// direction, so whether the move fires is independent of everything the market shows before the onset except through
/// <c>p</c>.
/// </summary>
internal sealed class EpisodeTrack
{
    public const double MinProbability = 0.05;
    public const double MaxProbability = 0.95;
    private const double MinPrecursorSeconds = 30;
    private const double MaxPrecursorSeconds = 90;
    private const double MinMoveSeconds = 60;
    private const double MaxMoveSeconds = 240;
    private const double FizzleSeconds = 20;
    private const double MinMoveSigmas = 4;
    private const double MaxMoveSigmas = 8;

    private const double PrecursorActivity = 1.5;
    private const double PrecursorBuyBias = 0.2;
    private const double PrecursorCompression = 0.4;
    private const double PrecursorThinning = 0.6;
    private const double PrecursorBacking = 0.4;
    private const double MoveActivity = 2.5;
    private const double MoveBuyBias = 0.3;
    private const double MoveExpansion = 1.0;
    private const double MoveThinning = 0.5;

    private readonly SimRandom _rng;
    private readonly EpisodeSettings _settings;
    private readonly double _fiveMinuteSigmaBps;
    private long _nextStartMs;
    private double _strength;

    /// <param name="spec">The symbol: its name and the volatility that scales the move.</param>
    /// <param name="rng">The track's own random stream (never the market's).</param>
    /// <param name="settings">Rate, warm-up and cooldown.</param>
    /// <param name="startMs">The market's start.</param>
    public EpisodeTrack(SymbolSpec spec, SimRandom rng, EpisodeSettings settings, long startMs)
    {
        Spec = spec;
        _rng = rng;
        _settings = settings;
        var perSqrtSecond = Math.Sqrt(Math.Pow(spec.Beta * SimMarket.CommonVolatility, 2) + spec.Volatility * spec.Volatility);
        _fiveMinuteSigmaBps = perSqrtSecond * Math.Sqrt(300) * 1e4;
        _nextStartMs = startMs + (long)settings.WarmUp.TotalMilliseconds + Wait();
    }

    public SymbolSpec Spec { get; }

    /// <summary>The episode in progress (id 0 until the book numbers it), or null while idle.</summary>
    public InPlayEpisode? Current { get; private set; }

    /// <summary>Earliest start of the next episode while idle.</summary>
    public long NextStartMs => _nextStartMs;

    /// <summary>
    /// The episode's effect on the step from <paramref name="previousMs"/> to <paramref name="nowMs"/>; starts an
    /// episode (returned in <paramref name="started"/>) when the idle wait is over.
    /// </summary>
    public EpisodeEffect Step(long previousMs, long nowMs, out InPlayEpisode? started)
    {
        started = null;
        if (Current is null)
        {
            if (nowMs < _nextStartMs) return EpisodeEffect.None;
            started = Current = Begin(nowMs);
        }

        var episode = Current;
        if (nowMs < episode.OnsetMs)
            return Precursor(Fraction(nowMs, episode.PrecursorStartMs, episode.OnsetMs), episode.Direction);
        if (!episode.Fired)
            return Precursor(1 - Fraction(nowMs, episode.OnsetMs, episode.EndMs), episode.Direction);

        var before = Fraction(previousMs, episode.OnsetMs, episode.EndMs);
        var after = Fraction(nowMs, episode.OnsetMs, episode.EndMs);
        var drift = episode.Direction * episode.MagnitudeBps * 1e-4 * (Progress(after) - Progress(before));
        return Move(1 - after, episode.Direction, drift);
    }

    /// <summary>Ends the current episode at <paramref name="nowMs"/> and draws the wait for the next one.</summary>
    public void Finish(long nowMs)
    {
        Current = null;
        _nextStartMs = nowMs + (long)_settings.Cooldown.TotalMilliseconds + Wait();
    }

    private InPlayEpisode Begin(long nowMs)
    {
        // Beta(2, 2) as the median of three uniforms: most episodes are uncertain, a few nearly sure either way.
        var p = MinProbability + (MaxProbability - MinProbability) * Median(_rng.NextDouble(), _rng.NextDouble(), _rng.NextDouble());
        var direction = _rng.Chance(0.5) ? 1 : -1;
        var precursorMs = (long)(1000 * Uniform(MinPrecursorSeconds, MaxPrecursorSeconds));
        var fired = _rng.Chance(p);
        var moveMs = (long)(1000 * Uniform(MinMoveSeconds, MaxMoveSeconds));
        var magnitude = Math.Round(Uniform(MinMoveSigmas, MaxMoveSigmas) * _fiveMinuteSigmaBps, 1);
        _strength = 0.3 + 0.7 * p;
        var onset = nowMs + precursorMs;
        var end = onset + (fired ? moveMs : (long)(1000 * FizzleSeconds));
        return new InPlayEpisode(0, Spec.Symbol, nowMs, onset, end, p, fired, direction, magnitude);
    }

    private EpisodeEffect Precursor(double ramp, int direction)
    {
        var level = _strength * Math.Clamp(ramp, 0, 1);
        var thinned = 1 - PrecursorThinning * level;
        var backed = 1 + PrecursorBacking * level;
        return new EpisodeEffect(
            Activity: 1 + PrecursorActivity * level,
            BuyBias: PrecursorBuyBias * level * direction,
            Volatility: 1 - PrecursorCompression * level,
            BidDepth: direction > 0 ? backed : thinned,
            AskDepth: direction > 0 ? thinned : backed,
            Drift: 0);
    }

    private static EpisodeEffect Move(double remaining, int direction, double drift)
    {
        var thinned = 1 - MoveThinning * remaining;
        return new EpisodeEffect(
            Activity: 1 + MoveActivity * remaining,
            BuyBias: MoveBuyBias * remaining * direction,
            Volatility: 1 + MoveExpansion * remaining,
            BidDepth: direction > 0 ? 1 : thinned,
            AskDepth: direction > 0 ? thinned : 1,
            Drift: drift);
    }

    /// <summary>Share of the move done after a fraction <paramref name="x"/> of its time: front-loaded, as a repricing is.</summary>
    private static double Progress(double x) => 1 - (1 - x) * (1 - x);

    private static double Fraction(long t, long from, long to) => to <= from ? 1 : Math.Clamp((double)(t - from) / (to - from), 0, 1);

    private static double Median(double a, double b, double c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));

    private double Uniform(double min, double max) => min + (max - min) * _rng.NextDouble();

    private long Wait() => (long)(_rng.NextExponential(3_600_000 / _settings.RatePerSymbolHour));
}
