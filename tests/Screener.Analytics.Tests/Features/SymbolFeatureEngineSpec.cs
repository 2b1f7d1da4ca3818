using Screener.Analytics.Features;
using Screener.Contracts;
using Screener.Contracts.Market;
using Screener.Contracts.Time;
using F = Screener.Analytics.Features.SpineFeatures;

namespace Screener.Analytics.Tests.Features;

/// <summary>
/// Spine features on a scripted seven-tick sequence (short window 3 ticks, long 6), every expected number
/// worked out by hand from the script, plus the quality flags users rely on to distrust a number.
/// </summary>
public sealed class SymbolFeatureEngineSpec
{
    private const string Symbol = "KSMUSDT";
    private const double Float = 1e-4; // values travel as float: ~7 significant digits
    private static readonly long T0 = UtcTime.FromUnixMs(1_700_000_000_000);
    private static readonly long Cadence = TimeSpan.FromMilliseconds(250).Ticks;
    private static readonly FeatureSpec Spec = SpineFeatures.Create(3, 6);

    [Fact]
    public void SymbolFeatureEngine_must_compute_the_hand_worked_spine_values_tick_by_tick()
    {
        var s = Script(new SymbolFeatureEngine(Spec, 3, 6, TimeSpan.FromSeconds(10)));

        // Mids: t1 (100.00+100.10)/2 = 100.05, t2 100.15, t3 99.95, t4..t7 100.05. Returns are ln(mid/prev)·1e4.
        var r2 = Math.Log(100.15 / 100.05) * 1e4;  //  +9.990011
        var r3 = Math.Log(99.95 / 100.15) * 1e4;   // -19.990012
        var r4 = Math.Log(100.05 / 99.95) * 1e4;   // +10.000001
        // Spread = (ask - bid) / mid · 1e4, always a 0.10 wide book.
        var spread1 = 0.10 / 100.05 * 1e4;         //  9.995002
        // Interval trade quantities (buy / sell / count): t1 2/1/2, t2 1/0/1, t3 0/3/1, t4 4/0/1, t5..t7 nothing.

        Expect(s[0], spread: spread1, ret: 0, retLong: 0, imbalance: (2 - 1) / 3.0, imbalanceLong: 1 / 3.0, count: 2, vol: 0, volLong: 0);
        Expect(s[1], spread: 0.10 / 100.15 * 1e4, ret: r2, retLong: r2, imbalance: (3 - 1) / 4.0, imbalanceLong: 0.5, count: 3);
        Expect(s[2], spread: 0.10 / 99.95 * 1e4, ret: r3, retLong: r2 + r3, imbalance: (3 - 4) / 7.0, imbalanceLong: -1 / 7.0, count: 4);
        // From t4 the short window holds real returns only: r2, r3, r4 (mean ≈ 0).
        Expect(s[3], spread: spread1, ret: r4, retLong: r2 + r3 + r4, imbalance: (5 - 3) / 8.0, imbalanceLong: (7 - 4) / 11.0, count: 3,
            vol: PopulationStd(r2, r3, r4));                                  // 14.135073
        Expect(s[4], spread: spread1, ret: 0, retLong: r2 + r3 + r4, imbalance: (4 - 3) / 7.0, imbalanceLong: 3 / 11.0, count: 2,
            vol: PopulationStd(r3, r4, 0));                                   // 12.467743
        Expect(s[5], spread: spread1, ret: 0, retLong: r2 + r3 + r4, imbalance: (4 - 0) / 4.0, imbalanceLong: 3 / 11.0, count: 1,
            vol: PopulationStd(r4, 0, 0));                                    //  4.714046
        // t7: the long window is t2..t7, so t1's trades (2 buy, 1 sell) have left it: 5 buy, 3 sell.
        Expect(s[6], spread: spread1, ret: 0, retLong: r2 + r3 + r4, imbalance: 0, imbalanceLong: (5 - 3) / 8.0, count: 0,
            vol: 0, volLong: PopulationStd(r2, r3, r4, 0, 0, 0));             //  9.995006

        Assert.Equal(DataQuality.WarmUp, s[0].Quality);
        Assert.Equal(DataQuality.WarmUp, s[1].Quality);
        Assert.All(s[2..6], x => Assert.False(x.Quality.HasFlag(DataQuality.Stale) || x.Quality.HasFlag(DataQuality.BookOutOfSync)));
        Assert.Equal(DataQuality.Ok, s[6].Quality); // every window full of real history
    }

    [Fact]
    public void SymbolFeatureEngine_must_give_identical_snapshots_for_the_same_input()
    {
        var first = Script(new SymbolFeatureEngine(Spec, 3, 6, TimeSpan.FromSeconds(10)));
        var second = Script(new SymbolFeatureEngine(Spec, 3, 6, TimeSpan.FromSeconds(10)));

        Assert.Equal(first, second);
    }

    [Fact]
    public void SymbolFeatureEngine_must_carry_the_symbol_time_and_spec_hash()
    {
        var snapshot = Script(new SymbolFeatureEngine(Spec, 3, 6, TimeSpan.FromSeconds(10)))[3];

        Assert.Equal(Symbol, snapshot.Symbol);
        Assert.Equal(At(4), snapshot.Time);
        Assert.Equal(Spec.Hash, snapshot.SpecHash);
        Assert.Equal(Spec.Features.Count, snapshot.Values.Count);
    }

    [Fact]
    public void SymbolFeatureEngine_must_flag_Stale_only_when_the_last_event_is_older_than_staleAfter()
    {
        var engine = new SymbolFeatureEngine(Spec, 3, 6, TimeSpan.FromSeconds(1));
        Assert.True(engine.Snapshot(Symbol, At(1), true).Quality.HasFlag(DataQuality.Stale)); // nothing seen yet

        var seen = At(1, 100);
        engine.OnBookTop(Top(100.00m, 100.10m, seen));
        engine.OnTrade(Trade(Side.Buy, 1m, seen - TimeSpan.FromSeconds(5).Ticks)); // a late event does not move time back

        Assert.False(engine.Snapshot(Symbol, seen + TimeSpan.FromSeconds(1).Ticks, true).Quality.HasFlag(DataQuality.Stale));
        Assert.True(engine.Snapshot(Symbol, seen + TimeSpan.FromSeconds(1).Ticks + 1, true).Quality.HasFlag(DataQuality.Stale));
    }

    [Fact]
    public void SymbolFeatureEngine_must_flag_BookOutOfSync_exactly_when_told_the_book_is_not_in_sync()
    {
        var engine = new SymbolFeatureEngine(Spec, 3, 6, TimeSpan.FromSeconds(10));
        engine.OnBookTop(Top(100.00m, 100.10m, At(0, 100)));

        Assert.True(engine.Snapshot(Symbol, At(1), bookInSync: false).Quality.HasFlag(DataQuality.BookOutOfSync));
        Assert.False(engine.Snapshot(Symbol, At(2), bookInSync: true).Quality.HasFlag(DataQuality.BookOutOfSync));
    }

    [Fact]
    public void SymbolFeatureEngine_must_stay_in_WarmUp_until_returns_are_observed_when_the_book_arrives_late()
    {
        // Three ticks with trades but no book: no mid, so no return can exist yet.
        var engine = new SymbolFeatureEngine(Spec, 3, 6, TimeSpan.FromSeconds(10));
        for (var k = 1; k <= 3; k++)
        {
            engine.OnTrade(Trade(Side.Buy, 1m, At(k - 1, 100)));
            Assert.True(engine.Snapshot(Symbol, At(k), true).Quality.HasFlag(DataQuality.WarmUp));
        }

        engine.OnBookTop(Top(100.00m, 100.10m, At(3, 100)));
        var first = engine.Snapshot(Symbol, At(4), true);

        // The first mid gives no return at all, so realized vol "cannot be computed yet": 0 and WarmUp (NanPolicy).
        Assert.Equal(0f, first.Values[F.RealizedVolBps]);
        Assert.True(first.Quality.HasFlag(DataQuality.WarmUp), $"quality was {first.Quality} with no mid return observed yet");
    }

    [Fact]
    public void SymbolFeatureEngine_must_report_zero_trade_imbalance_once_no_trades_remain_in_the_window()
    {
        var engine = new SymbolFeatureEngine(Spec, 3, 6, TimeSpan.FromSeconds(10));
        var quantities = new[] { 0.1m, 0.2m, 0.3m }; // ordinary lot sizes
        FeatureSnapshot last = null!;
        for (var k = 1; k <= 6; k++)
        {
            engine.OnBookTop(Top(100.00m, 100.10m, At(k - 1, 100)));
            if (k <= 3) engine.OnTrade(Trade(Side.Buy, quantities[k - 1], At(k - 1, 150)));
            last = engine.Snapshot(Symbol, At(k), true);
        }

        // t4..t6 had no trades: the short window holds none, so there is no buy pressure to show.
        Assert.Equal(0f, last.Values[F.TradeCount]);
        Assert.Equal(0f, last.Values[F.TradeImbalance]);
        Assert.Equal(1f, last.Values[F.TradeImbalanceLong]); // t1..t6: all of it bought
    }

    private static List<FeatureSnapshot> Script(SymbolFeatureEngine engine)
    {
        var snapshots = new List<FeatureSnapshot>();
        void Tick(int k) => snapshots.Add(engine.Snapshot(Symbol, At(k), bookInSync: true));

        engine.OnBookTop(Top(100.00m, 100.10m, At(0, 100)));
        engine.OnTrade(Trade(Side.Buy, 2m, At(0, 120)));
        engine.OnTrade(Trade(Side.Sell, 1m, At(0, 140)));
        Tick(1);
        engine.OnBookTop(Top(100.10m, 100.20m, At(1, 100)));
        engine.OnTrade(Trade(Side.Buy, 1m, At(1, 120)));
        Tick(2);
        engine.OnBookTop(Top(99.90m, 100.00m, At(2, 100)));
        engine.OnTrade(Trade(Side.Sell, 3m, At(2, 120)));
        Tick(3);
        engine.OnBookTop(Top(100.00m, 100.10m, At(3, 100)));
        engine.OnTrade(Trade(Side.Buy, 4m, At(3, 120)));
        Tick(4);
        Tick(5);
        Tick(6);
        Tick(7);
        return snapshots;
    }

    private static void Expect(FeatureSnapshot s, double spread, double ret, double retLong, double imbalance, double imbalanceLong,
        double count, double? vol = null, double? volLong = null)
    {
        Assert.Equal(spread, s.Values[F.SpreadBps], Float);
        Assert.Equal(ret, s.Values[F.MidReturnBps], Float);
        Assert.Equal(retLong, s.Values[F.MidReturnBpsLong], Float);
        Assert.Equal(imbalance, s.Values[F.TradeImbalance], Float);
        Assert.Equal(imbalanceLong, s.Values[F.TradeImbalanceLong], Float);
        Assert.Equal(count, s.Values[F.TradeCount], Float);
        if (vol is { } v) Assert.Equal(v, s.Values[F.RealizedVolBps], Float);
        if (volLong is { } vl) Assert.Equal(vl, s.Values[F.RealizedVolBpsLong], Float);
    }

    private static double PopulationStd(params double[] xs)
    {
        var mean = xs.Average();
        return Math.Sqrt(xs.Sum(x => (x - mean) * (x - mean)) / xs.Length);
    }

    private static long At(int tick, int ms = 0) => T0 + tick * Cadence + TimeSpan.FromMilliseconds(ms).Ticks;

    private static BookTop Top(decimal bid, decimal ask, long ts) => new(Symbol, ts, ts, 0, 0, bid, 1m, ask, 1m);

    private static Trade Trade(Side aggressor, decimal quantity, long ts) => new(Symbol, ts, ts, 0, 0, 100m, quantity, aggressor, ts);
}
