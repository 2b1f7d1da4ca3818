using System.Diagnostics.CodeAnalysis;
using Screener.Sim.Market.Episodes;

namespace Screener.Sim.Market;

/// <summary>
/// A deterministic USDⓈ-M futures market: pure (no I/O, no wall clock), advanced by explicit
/// <see cref="Step()"/> calls. Same settings ⇒ same events, byte for byte. Not thread-safe: the server
/// serialises steps and snapshots behind one lock.
/// </summary>
public sealed class SimMarket
{
    /// <summary>Volatility of the common (BTC) factor per √second in the normal regime: about 56 % a year, BTC-like.</summary>
    internal const double CommonVolatility = 1.0e-4;
    private readonly SimRandom _rng;
    private readonly RegimeChain _regime = new();
    private readonly UpdateIdSource _ids;
    private readonly SymbolSim[] _symbols;
    private readonly Dictionary<string, SymbolSim> _bySymbol;
    private readonly int[] _order;
    private readonly PayloadWriter _writer = new();
    private readonly EpisodeBook? _episodes;
    private readonly EpisodeEffect[] _effects;

    public SimMarket(SimMarketSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Settings = settings;
        NowMs = settings.StartTimeMs;
        _rng = new SimRandom(settings.Seed);
        _ids = new UpdateIdSource(_rng.Fork(0), 11_757_000_000_000 + _rng.NextLong(0, 1_000_000_000));
        Symbols = SymbolCatalog.Create(settings.SymbolCount);
        _symbols = Symbols
            .Select((spec, i) => new SymbolSim(spec, _rng.Fork((ulong)i + 1), SideRandom(settings.Seed, i), _ids, settings.StartTimeMs, settings.DepthLevels))
            .ToArray();
        _bySymbol = _symbols.ToDictionary(s => s.Spec.Symbol, StringComparer.Ordinal);
        _order = Enumerable.Range(0, _symbols.Length).ToArray();
        _effects = new EpisodeEffect[_symbols.Length];
        Array.Fill(_effects, EpisodeEffect.None);
        if (settings.Episodes is { } episodes) _episodes = new EpisodeBook(Symbols, episodes, settings.Seed, settings.StartTimeMs);
    }

    public SimMarketSettings Settings { get; }

    /// <summary>Listed symbols in catalog order.</summary>
    public IReadOnlyList<SymbolSpec> Symbols { get; }

    /// <summary>Simulated Unix time in ms (the <c>E</c> of the last step's events).</summary>
    public long NowMs { get; private set; }

    public long StepCount { get; private set; }

    public MarketRegime Regime => _regime.Current;

    /// <summary>
    /// The planted episodes started so far, in start order, with their truth (empty when
    /// <see cref="SimMarketSettings.Episodes"/> is off). Nothing of it reaches the wire.
    /// </summary>
    public IReadOnlyList<InPlayEpisode> Episodes => _episodes?.Episodes ?? [];

    /// <summary>Last global order-book update id handed out.</summary>
    public long LastUpdateId => _ids.Current;

    /// <summary>Advances one step and returns every event it produced.</summary>
    public IReadOnlyList<SimEvent> Step() => Step(static _ => true);

    /// <summary>
    /// Advances one step, serialising only events whose stream <paramref name="wanted"/> accepts. The
    /// market evolves identically whatever the filter says.
    /// </summary>
    public IReadOnlyList<SimEvent> Step(Func<string, bool> wanted)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var previous = NowMs;
        NowMs += Settings.StepMs;
        StepCount++;
        var dt = Settings.StepMs / 1000.0;
        _regime.Advance(_rng, dt);
        var commonSigma = CommonVolatility * _regime.VolatilityMultiplier * Math.Sqrt(dt);
        var context = new StepContext(previous, NowMs, commonSigma * _rng.NextGaussian(), commonSigma, _regime);
        _episodes?.Plan(previous, NowMs, _effects);

        // Symbols take turns in a fresh random order so global update ids interleave as on a real engine.
        for (var i = _order.Length - 1; i > 0; i--)
        {
            var j = _rng.NextInt(i + 1);
            (_order[i], _order[j]) = (_order[j], _order[i]);
        }
        var output = new List<SimEvent>();
        var marks = new MarkBatch(wanted(StreamNames.AllMarkPrices1s), wanted(StreamNames.AllMarkPrices));
        foreach (var index in _order)
        {
            var sim = _symbols[index];
            sim.Advance(context, _effects[index]);
            SymbolEmitter.Emit(sim, context, _writer, wanted, output, marks);
        }
        _episodes?.Observe(NowMs, i => _symbols[i].LogPrice);
        if (marks.OneSecond.Count > 0) output.Add(new SimEvent(StreamNames.AllMarkPrices1s, PayloadWriter.JoinArray(marks.OneSecond)));
        if (marks.ThreeSeconds.Count > 0) output.Add(new SimEvent(StreamNames.AllMarkPrices, PayloadWriter.JoinArray(marks.ThreeSeconds)));
        return output;
    }

    public bool IsListed(string symbol) => _bySymbol.ContainsKey(symbol);

    /// <summary>The top <paramref name="limit"/> levels per side of <paramref name="symbol"/> (upper case), or false when not listed.</summary>
    public bool TryGetSnapshot(string symbol, int limit, [NotNullWhen(true)] out BookSnapshot? snapshot)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        if (!_bySymbol.TryGetValue(symbol, out var sim))
        {
            snapshot = null;
            return false;
        }
        var book = sim.Book;
        snapshot = new BookSnapshot(sim.Spec.Symbol, book.LastUpdateId, book.LastChangeMs, Levels(sim, book.Bids, limit), Levels(sim, book.Asks, limit));
        return true;
    }

    /// <summary>24 h ticker of a listed symbol (upper case), or null.</summary>
    internal TickerRow? Ticker(string symbol) => _bySymbol.TryGetValue(symbol, out var sim) ? MarketRows.Ticker(sim, NowMs) : null;

    /// <summary>24 h tickers of every symbol, in catalog order.</summary>
    internal IReadOnlyList<TickerRow> Tickers() => _symbols.Select(s => MarketRows.Ticker(s, NowMs)).ToList();

    /// <summary>Premium index of a listed symbol, or null.</summary>
    internal PremiumRow? Premium(string symbol) => _bySymbol.TryGetValue(symbol, out var sim) ? MarketRows.Premium(sim) : null;

    internal IReadOnlyList<PremiumRow> Premiums() => _symbols.Select(MarketRows.Premium).ToList();

    /// <summary>Open interest of a listed symbol, or null.</summary>
    internal OpenInterestRow? OpenInterest(string symbol) => _bySymbol.TryGetValue(symbol, out var sim) ? MarketRows.OpenInterest(sim, NowMs) : null;

    /// <summary>
    /// A generator seeded from the seed and the symbol index alone, not forked from the main one: forking
    /// draws from the parent, which would have shifted every existing stream of a seed.
    /// </summary>
    private static SimRandom SideRandom(ulong seed, int index) => new(seed ^ (0x5851F42D4C957F2DUL * (ulong)(index + 1)));

    private static List<BookLevel> Levels(SymbolSim sim, BookSide side, int limit)
    {
        var count = Math.Min(limit, side.Count);
        var levels = new List<BookLevel>(count);
        for (var i = 0; i < count; i++)
        {
            var tick = side.TickAt(i);
            levels.Add(new BookLevel(sim.Format.Price(tick), sim.Format.Quantity(side.LotsAt(tick))));
        }
        return levels;
    }
}
