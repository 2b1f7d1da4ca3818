using BenchmarkDotNet.Attributes;
using Screener.Analytics.Books;
using Screener.Analytics.Features;
using Screener.Contracts;
using Screener.Contracts.Market;

namespace Screener.Benchmarks;

/// <summary>
/// The per-symbol feature engine in steady state. Setup warms the engine over 6 min of event time (1,440 ticks of
/// 250 ms, 0–40 events each from <see cref="FeatureMarket"/>'s mix) and builds a synced book of 1,000 levels a side
/// on a 0.001 tick around 100 (±100 bps, so the depth scan always reads its full 200 levels a side). Targets: an
/// event update ≤ 150 ns, a tick's close ≤ 3 µs, and 0 B allocated everywhere except <see cref="SnapshotRecord"/>,
/// whose allocation is the output (the record and its 66 floats).
/// </summary>
[MemoryDiagnoser]
public class FeatureEngineBenchmarks
{
    /// <summary>Events in each per-event array, replayed in order on every invocation.</summary>
    public const int Events = 1024;

    /// <summary>Ticks in each per-tick batch, replayed in order on every invocation.</summary>
    public const int Ticks = 256;

    public const int EventsPerTick = 20;

    private const int WarmUpTicks = 1_440;
    private const int BookLevels = 1_000;

    private readonly float[] _values = new float[MarketFeatures.Spec.Features.Count];
    private SymbolFeatureEngine _engine = null!;
    private OrderBook _book = null!;
    private Trade[] _trades = [];
    private BookTop[] _bookTops = [];
    private MarkPrice[] _markPrices = [];
    private Liquidation[] _liquidations = [];
    private OpenInterest[] _openInterests = [];
    private Tick[] _ticks = [];
    private Trade[] _tickTrades = [];
    private BookTop[] _tickBookTops = [];
    private MarketEvent[][] _tickEvents = [];

    [GlobalSetup]
    public void Setup()
    {
        var market = new FeatureMarket(seed: 7);
        _engine = new SymbolFeatureEngine(MarketFeatures.Spec, FeatureMarket.Cadence, warmUpTicks: 20, TimeSpan.FromSeconds(30));
        _book = market.Book(BookLevels);
        var random = new Random(11);
        var quality = DataQuality.Ok;
        for (var t = 0; t < WarmUpTicks; t++)
        {
            var events = random.Next(0, 2 * EventsPerTick + 1);
            for (var e = 0; e < events; e++) Apply(market.NextEvent());
            quality = _engine.Close(market.TickTime, market.Context(), _book, bookInSync: true, _values);
            market.NextTick();
        }

        // Warm state must be what is measured: a mid, full windows, trades in them, the book read.
        if (quality != DataQuality.Ok || _values[MarketFeatures.Depth50Bps] <= 0 || _values[MarketFeatures.TradeRate[MarketFeatures.W5m]] <= 0
            || _values[MarketFeatures.OiChangePct5m] == 0)
            throw new InvalidOperationException($"The engine is not in steady state after warm-up ({quality}).");

        _trades = Enumerable.Range(0, Events).Select(_ => market.NextTrade()).ToArray();
        _bookTops = Enumerable.Range(0, Events).Select(_ => market.NextBookTop()).ToArray();
        _markPrices = Enumerable.Range(0, Events).Select(_ => market.NextMarkPrice()).ToArray();
        _liquidations = Enumerable.Range(0, Events).Select(_ => market.NextLiquidation()).ToArray();
        _openInterests = Enumerable.Range(0, Events).Select(_ => market.NextOpenInterest()).ToArray();
        _ticks = new Tick[Ticks];
        _tickTrades = new Trade[Ticks];
        _tickBookTops = new BookTop[Ticks];
        _tickEvents = new MarketEvent[Ticks][];
        for (var t = 0; t < Ticks; t++)
        {
            _tickTrades[t] = market.NextTrade();
            _tickBookTops[t] = market.NextBookTop();
            _tickEvents[t] = Enumerable.Range(0, EventsPerTick).Select(_ => market.NextEvent()).ToArray();
            _ticks[t] = new Tick(FeatureMarket.Symbol, market.TickTime, 200, market.Context());
            market.NextTick();
        }
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public double Trade()
    {
        foreach (var trade in _trades) _engine.OnTrade(trade);
        return _engine.Mid;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public double BookTop()
    {
        foreach (var top in _bookTops) _engine.OnBookTop(top);
        return _engine.Mid;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public double MarkPrice()
    {
        foreach (var mark in _markPrices) _engine.OnMarkPrice(mark);
        return _engine.Mid;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public double Liquidation()
    {
        foreach (var liquidation in _liquidations) _engine.OnLiquidation(liquidation);
        return _engine.Mid;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public double OpenInterest()
    {
        foreach (var openInterest in _openInterests) _engine.OnOpenInterest(openInterest);
        return _engine.Mid;
    }

    /// <summary>
    /// <see cref="SymbolFeatureEngine.Close"/> into a reused span, per tick. One trade and one book top go in before
    /// each close so the windows keep trades and returns; their cost (the Trade and BookTop rows) is in this figure.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Ticks)]
    public DataQuality Close()
    {
        var quality = DataQuality.Ok;
        for (var t = 0; t < Ticks; t++)
        {
            _engine.OnTrade(_tickTrades[t]);
            _engine.OnBookTop(_tickBookTops[t]);
            quality |= _engine.Close(_ticks[t].Time, _ticks[t].Context, _book, bookInSync: true, _values);
        }

        return quality;
    }

    /// <summary>As <see cref="Close"/>, through <see cref="SymbolFeatureEngine.Snapshot"/>: allocates the output record.</summary>
    [Benchmark(OperationsPerInvoke = Ticks)]
    public DataQuality SnapshotRecord()
    {
        var quality = DataQuality.Ok;
        for (var t = 0; t < Ticks; t++)
        {
            _engine.OnTrade(_tickTrades[t]);
            _engine.OnBookTop(_tickBookTops[t]);
            quality |= _engine.Snapshot(FeatureMarket.Symbol, _ticks[t], _book, bookInSync: true).Quality;
        }

        return quality;
    }

    /// <summary>A typical tick: 20 events of the live mix, dispatched by type as the symbol stage does, then the close.</summary>
    [Benchmark(OperationsPerInvoke = Ticks)]
    public DataQuality MixedTick()
    {
        var quality = DataQuality.Ok;
        for (var t = 0; t < Ticks; t++)
        {
            foreach (var e in _tickEvents[t]) Apply(e);
            quality |= _engine.Close(_ticks[t].Time, _ticks[t].Context, _book, bookInSync: true, _values);
        }

        return quality;
    }

    private void Apply(MarketEvent e)
    {
        switch (e)
        {
            case Contracts.Market.Trade trade:
                _engine.OnTrade(trade);
                break;
            case Contracts.Market.BookTop top:
                _engine.OnBookTop(top);
                break;
            case Contracts.Market.MarkPrice mark:
                _engine.OnMarkPrice(mark);
                break;
            case Contracts.Market.Liquidation liquidation:
                _engine.OnLiquidation(liquidation);
                break;
            case Contracts.Market.OpenInterest openInterest:
                _engine.OnOpenInterest(openInterest);
                break;
        }
    }
}
