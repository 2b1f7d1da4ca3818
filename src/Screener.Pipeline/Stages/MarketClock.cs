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
    private readonly Dictionary<string, (double Mid, double MidAtLastTick)> _mids = new(StringComparer.Ordinal);
    private readonly RollingWindow _btcReturns;
    private readonly Dictionary<string, long> _thresholds;
    private readonly SortedDictionary<(string Symbol, string Kind), (long LastSeen, bool Stale)> _streams = new(StreamOrder.Instance);
    private readonly StreamHealthBoard? _board;
    private long _nextTick;

    /// <param name="settings">Cadence, thresholds and context symbol.</param>
    /// <param name="board">Where stream health is published at every tick; none when null.</param>
    public MarketClock(PipelineSettings settings, StreamHealthBoard? board = null)
    {
        _board = board;
        _cadence = settings.Cadence.Ticks;
        _heartbeatLag = settings.HeartbeatLag.Ticks;
        _maxCatchUp = settings.MaxCatchUp.Ticks;
        _contextSymbol = settings.ContextSymbol;
        _btcReturns = new RollingWindow(settings.LongWindowTicks);
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
        if (e is BookTop top && top.BidPrice > 0 && top.AskPrice > 0)
        {
            var mid = (double)(top.BidPrice + top.AskPrice) / 2;
            _mids[e.Symbol] = _mids.TryGetValue(e.Symbol, out var m) ? (mid, m.MidAtLastTick) : (mid, mid);
        }
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

    private MarketContext Context(long time)
    {
        double btcReturn = 0;
        int rising = 0, measured = 0;
        foreach (var symbol in _mids.Keys.Order(StringComparer.Ordinal).ToList())
        {
            var (mid, previous) = _mids[symbol];
            var r = Math.Log(mid / previous) * 10_000;
            if (symbol == _contextSymbol) btcReturn = r;
            measured++;
            if (r > 0) rising++;
            _mids[symbol] = (mid, mid);
        }
        _btcReturns.Push(btcReturn);
        var breadth = measured == 0 ? 0.5 : (double)rising / measured;
        return new MarketContext(time, btcReturn, _btcReturns.StandardDeviation(), breadth, _symbols.Count);
    }
}
