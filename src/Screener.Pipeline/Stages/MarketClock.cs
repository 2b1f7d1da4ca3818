using Screener.Analytics.Features;
using Screener.Contracts;
using Screener.Contracts.Market;
using Screener.Contracts.Time;
using Screener.Pipeline.Instrumentation;

namespace Screener.Pipeline.Stages;

/// <summary>
/// Event-time clock and market context. Market events advance the clock by their exchange time; a heartbeat
/// advances it to its local time minus the heartbeat lag, so a quiet market still ticks. Each time the clock
/// crosses a cadence boundary it emits one <see cref="Tick"/> per known symbol, in symbol order, all carrying
/// the same <see cref="MarketContext"/>. Ticks precede the event that crossed the boundary.
/// </summary>
public sealed class MarketClock
{
    private readonly long _cadence;
    private readonly long _heartbeatLag;
    private readonly long _maxCatchUp;
    private readonly string _contextSymbol;
    private readonly SortedSet<string> _symbols = new(StringComparer.Ordinal);
    private readonly string _secondContextSymbol;
    private readonly Dictionary<string, double> _mids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MidHistory> _history = new(StringComparer.Ordinal);
    private readonly int _breadthTicks;
    private readonly ContextReturns _btc;
    private readonly ContextReturns _eth;
    private readonly double[] _regime;
    private long _regimeCount;
    private readonly Dictionary<string, long> _thresholds;
    private readonly SortedDictionary<(string Symbol, string Kind), (long LastSeen, bool Stale)> _streams = new(StreamOrder.Instance);
    private readonly StreamHealthBoard? _board;
    private long _nextTick;
    private readonly Action<long>? _beforeTicks;

    /// <param name="settings">Cadence, thresholds and context symbol.</param>
    /// <param name="board">Where stream health is published at every tick; none when null.</param>
    /// <param name="beforeTicks">Called with each cadence time right before its ticks are emitted (the predictor host schedules model switches there).</param>
    public MarketClock(PipelineSettings settings, StreamHealthBoard? board = null, Action<long>? beforeTicks = null)
    {
        _board = board;
        _beforeTicks = beforeTicks;
        _cadence = settings.Cadence.Ticks;
        _heartbeatLag = settings.HeartbeatLag.Ticks;
        _maxCatchUp = settings.MaxCatchUp.Ticks;
        _contextSymbol = settings.ContextSymbol;
        _secondContextSymbol = settings.SecondContextSymbol;
        var windows = SymbolFeatureEngine.WindowTicks(settings.Cadence);
        _breadthTicks = windows[MarketFeatures.W30s];
        _btc = new ContextReturns(windows[MarketFeatures.W30s], windows[MarketFeatures.W5m]);
        _eth = new ContextReturns(windows[MarketFeatures.W30s], windows[MarketFeatures.W5m]);
        _regime = new double[Math.Max(1, (int)(MarketFeatures.RegimeHistory.Ticks / settings.Cadence.Ticks))];
        _thresholds = settings.StaleThresholds.ToDictionary(kv => kv.Key, kv => kv.Value.Ticks);
    }

    /// <summary>Stale events emitted so far (one per silence episode of a symbol's stream kind).</summary>
    public long StaleEvents { get; private set; }

    /// <summary>Node-level events (connection status) seen; they are not forwarded to symbol substreams.</summary>
    public long NodeEvents { get; private set; }

    /// <summary>Ordinal order of (symbol, kind), so stale events come out in the same order on every run.</summary>
    private sealed class StreamOrder : IComparer<(string Symbol, string Kind)>
    {
        public static readonly StreamOrder Instance = new();

        public int Compare((string Symbol, string Kind) x, (string Symbol, string Kind) y)
        {
            var bySymbol = string.CompareOrdinal(x.Symbol, y.Symbol);
            return bySymbol != 0 ? bySymbol : string.CompareOrdinal(x.Kind, y.Kind);
        }
    }

    public void On(MarketEvent e, List<IWithSymbol> output)
    {
        if (e is Heartbeat)
        {
            if (_nextTick != 0) AdvanceTo(e.TsEvent - _heartbeatLag, output);
            return;
        }
        if (e is Subscribed subscribed) Expect(subscribed);
        if (e.Symbol.Length == 0)
        {
            NodeEvents++;
            return;
        }

        if (_nextTick == 0) _nextTick = UtcTime.Floor(e.TsEvent, _cadence) + _cadence;
        AdvanceTo(e.TsEvent, output);
        _symbols.Add(e.Symbol);
        if (StreamKinds.Of(e) is { } kind)
        {
            var key = (e.Symbol, kind);
            var lastSeen = _streams.TryGetValue(key, out var seen) ? Math.Max(seen.LastSeen, e.TsEvent) : e.TsEvent;
            _streams[key] = (lastSeen, false);
        }
        if (e is BookTop top && top.BidPrice > 0 && top.AskPrice > 0) _mids[e.Symbol] = (double)(top.BidPrice + top.AskPrice) / 2;
        output.Add(e);
    }

    /// <summary>
    /// Confirmed subscriptions start the silence watch of streams not yet seen, from the confirmation time: a stream
    /// that never delivers goes stale like one that stopped. Streams already seen keep their last-seen time.
    /// </summary>
    private void Expect(Subscribed subscribed)
    {
        foreach (var stream in subscribed.Streams)
            if (_thresholds.ContainsKey(stream.Kind))
                _streams.TryAdd((stream.Symbol, stream.Kind), (subscribed.TsEvent, false));
    }

    private void AdvanceTo(long time, List<IWithSymbol> output)
    {
        if (time - _nextTick > _maxCatchUp) _nextTick = UtcTime.Floor(time - _maxCatchUp, _cadence) + _cadence;
        while (time >= _nextTick)
        {
            EmitTicks(_nextTick, output);
            _nextTick += _cadence;
        }
    }

    private void EmitTicks(long time, List<IWithSymbol> output)
    {
        DetectSilence(time, output);
        _board?.Publish(new StreamHealthSnapshot(time,
            _streams.Select(kv => new StreamHealthRow(kv.Key.Symbol, kv.Key.Kind, kv.Value.LastSeen, TimeSpan.FromTicks(Math.Max(0, time - kv.Value.LastSeen)), kv.Value.Stale))
                .ToArray()));
        var context = Context(time);
        _beforeTicks?.Invoke(time);
        foreach (var symbol in _symbols) output.Add(new Tick(symbol, time, _symbols.Count, context));
    }

    /// <summary>A stream kind silent past its threshold becomes stale once, until data of that kind flows again.</summary>
    private void DetectSilence(long time, List<IWithSymbol> output)
    {
        List<(string, string)>? turned = null;
        foreach (var (key, state) in _streams)
        {
            if (state.Stale || time - state.LastSeen <= _thresholds[key.Kind]) continue;
            output.Add(new Stale(key.Symbol, time, time, 0, key.Kind, (time - state.LastSeen) / _cadence));
            (turned ??= []).Add(key);
        }
        if (turned is null) return;
        foreach (var key in turned) _streams[key] = (_streams[key].LastSeen, true);
        StaleEvents += turned.Count;
    }

    /// <summary>
    /// The context every symbol sees at <paramref name="time"/>: BTC and ETH returns and volatility, breadth over 30 s
    /// and the volatility regime. Symbols are visited in ordinal order, so the result never depends on arrival order.
    /// </summary>
    private MarketContext Context(long time)
    {
        int rising = 0, measured = 0;
        foreach (var symbol in _mids.Keys.Order(StringComparer.Ordinal).ToList())
        {
            if (!_history.TryGetValue(symbol, out var history)) _history.Add(symbol, history = new MidHistory(_breadthTicks));
            var mid = _mids[symbol];
            if (history.TryAgo(_breadthTicks - 1, out var then))
            {
                measured++;
                if (mid > then) rising++;
            }
            history.Push(mid);
        }

        var btc = _btc.Tick(_mids.GetValueOrDefault(_contextSymbol));
        var eth = _eth.Tick(_mids.GetValueOrDefault(_secondContextSymbol));
        var btcVolatility = _btc.Volatility;
        var regime = Regime(btcVolatility);
        var breadth = measured == 0 ? 0.5 : (double)rising / measured;
        return new MarketContext(time, btc, btcVolatility, breadth, _symbols.Count,
            _btc.Return30s, eth, _eth.Return30s, _eth.Volatility, regime);
    }

    /// <summary>Share of the last hour's ticks whose BTC volatility was at or below <paramref name="volatility"/>.</summary>
    private double Regime(double volatility)
    {
        _regime[(int)(_regimeCount % _regime.Length)] = volatility;
        _regimeCount++;
        var held = (int)Math.Min(_regimeCount, _regime.Length);
        var below = 0;
        for (var i = 0; i < held; i++)
            if (_regime[i] <= volatility) below++;
        return held <= 1 ? 0.5 : (double)below / held;
    }

    /// <summary>A context symbol's per-tick mid log returns, with their 30-s sum and 5-min realized volatility.</summary>
    private sealed class ContextReturns(int shortTicks, int longTicks)
    {
        private readonly TickRing _ring = new(2, [shortTicks, longTicks]);
        private readonly double[] _row = new double[2];
        private double _previous;

        public double Return30s => _ring.Pushed == 0 ? 0 : _ring.Sum(0, 0);

        public double Volatility => _ring.Pushed == 0 ? 0 : Math.Sqrt(Math.Max(0, _ring.Sum(1, 1)));

        /// <summary>Closes one tick at <paramref name="mid"/> (0 when unknown) and returns its log return in bps.</summary>
        public double Tick(double mid)
        {
            var r = mid > 0 && _previous > 0 ? Math.Log(mid / _previous) * 10_000 : 0;
            if (mid > 0) _previous = mid;
            _row[0] = r;
            _row[1] = r * r;
            _ring.Push(_row);
            return r;
        }
    }

    /// <summary>One symbol's mid at each of the last ticks since it first had one.</summary>
    private sealed class MidHistory(int length)
    {
        private readonly double[] _mids = new double[length];
        private long _count;

        public void Push(double mid) => _mids[(int)(_count++ % _mids.Length)] = mid;

        public bool TryAgo(int ticksAgo, out double mid)
        {
            mid = 0;
            if (ticksAgo >= _count || ticksAgo >= _mids.Length) return false;
            mid = _mids[(int)((_count - 1 - ticksAgo) % _mids.Length)];
            return mid > 0;
        }
    }
}
