using Screener.Analytics.Features;
using Screener.Analytics.Scoring;
using Screener.Contracts;
using Screener.Pipeline.Stages;

namespace Screener.Bench;

/// <summary>
/// Synthetic input for timing the ranking stage: per round one <see cref="SymbolOutput"/> per symbol, shuffled as the
/// substreams interleave, each with a fresh prediction holding one head per profile and horizon of the scoring
/// settings, five attributions and, for about 5 % of symbols at any time, a gate. A symbol's net edge follows a seeded
/// mean-reverting walk (its level, mean 0 bps, spread about 13 bps, half-life about 14 rounds, scaled by
/// <c>√(h / reference)</c> per horizon, plus a smaller walk per head), so at any time a handful of symbols sit above the
/// shipped enter score and the top list churns as in a live market. A gate holds for five rounds on average. Rounds are
/// <paramref name="spacing"/> apart from a time that is a multiple of it, so with the rank cadence as spacing every round
/// is a rank round. Deterministic for equal arguments.
/// </summary>
public sealed class RankingRoundFeed
{
    private const double LevelPull = 0.05, LevelStep = 4, HeadPull = 0.2, HeadStep = 1.5;
    private const double GateOpen = 0.0105, GateClose = 0.2;
    private static readonly string[] GateNames = [Gates.Spread, Gates.Vpin, Gates.Depth];

    private readonly Random _random;
    private readonly ScoringSettings _scoring;
    private readonly long _spacing;
    private readonly string[] _symbols;
    private readonly double[] _level;
    private readonly double[,] _head;
    private readonly string?[] _gate;
    private readonly int[] _order;
    private readonly string[] _features = [.. MarketFeatures.Spec.Features.Select(f => f.Name)];
    private readonly EquatableArray<float> _values = new(new float[MarketFeatures.Spec.Features.Count]);

    public RankingRoundFeed(int symbols, ScoringSettings scoring, TimeSpan spacing, int seed = 42)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(symbols);
        ArgumentNullException.ThrowIfNull(scoring);
        if (spacing <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(spacing), spacing, "Must be positive.");
        _random = new Random(seed);
        _scoring = scoring;
        _spacing = spacing.Ticks;
        _symbols = [.. Enumerable.Range(1, symbols).Select(i => $"S{i:D4}USDT")];
        _level = new double[symbols];
        _head = new double[symbols, scoring.Profiles.Count * scoring.HorizonsSeconds.Count];
        _gate = new string?[symbols];
        _order = [.. Enumerable.Range(0, symbols)];
        for (var s = 0; s < symbols; s++)
        {
            // Start from the walks' stationary spread, so the first rounds look like any later one.
            _level[s] = Normal() * LevelStep / Math.Sqrt(1 - (1 - LevelPull) * (1 - LevelPull));
            if (_random.NextDouble() < GateOpen / (GateOpen + GateClose)) _gate[s] = GateNames[_random.Next(GateNames.Length)];
        }
        Time = new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc).Ticks / _spacing * _spacing;
    }

    public int Symbols => _symbols.Length;

    /// <summary>The time of the next round.</summary>
    public long Time { get; private set; }

    /// <summary>Adds the next round's outputs to <paramref name="outputs"/>, in the round's arrival order.</summary>
    public void NextRound(List<SymbolOutput> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        _random.Shuffle(_order);
        foreach (var s in _order) outputs.Add(Output(s));
        Time += _spacing;
    }

    private SymbolOutput Output(int s)
    {
        _level[s] += -LevelPull * _level[s] + LevelStep * Normal();
        if (_gate[s] is null ? _random.NextDouble() < GateOpen : _random.NextDouble() < GateClose)
            _gate[s] = _gate[s] is null ? GateNames[_random.Next(GateNames.Length)] : null;

        var heads = new HeadPrediction[_head.GetLength(1)];
        var h = 0;
        foreach (var profile in _scoring.Profiles)
        foreach (var horizon in _scoring.HorizonsSeconds)
        {
            _head[s, h] += -HeadPull * _head[s, h] + HeadStep * Normal();
            var net = (_level[s] + _head[s, h]) * Math.Sqrt(horizon / (double)_scoring.ReferenceHorizonSeconds);
            var cost = profile.EntryFeeBps + profile.ExitFeeBps + profile.HalfSpreadsPaid * (0.5 + _random.NextDouble());
            heads[h++] = new HeadPrediction(profile.Name, horizon, 1 / (1 + Math.Exp(-net / 10)), net + cost, cost, net);
        }

        var attributions = new Attribution[5];
        var first = _random.Next(_features.Length);
        // A stride coprime with the feature count picks distinct features.
        for (var a = 0; a < attributions.Length; a++)
            attributions[a] = new Attribution(_features[(first + 7 * a) % _features.Length], 3 * Normal());

        var symbol = _symbols[s];
        var prediction = new PredictionSnapshot(symbol, Time, "bench", heads, "normal", attributions,
            _gate[s] is { } gate ? new EquatableArray<string>([gate]) : EquatableArray<string>.Empty);
        return new SymbolOutput(new FeatureSnapshot(symbol, Time, MarketFeatures.Spec.Hash, _values, DataQuality.Ok), prediction, _symbols.Length);
    }

    private double Normal() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
