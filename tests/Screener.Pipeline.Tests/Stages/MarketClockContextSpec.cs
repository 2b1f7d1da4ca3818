using Screener.Contracts;
using Screener.Pipeline.Stages;
using static Screener.Pipeline.Tests.TestEvents;

namespace Screener.Pipeline.Tests.Stages;

/// <summary>
/// The market context, worked out by hand on a scripted market at a 1 s cadence (30 s = 30 ticks, 5 min = 300 ticks).
/// Tick n is the cadence time n s after the origin; it sees the book tickers sent at n - 0.5 s, so "the mid at tick
/// n" below is the mid each symbol was given for n.
/// </summary>
public sealed class MarketClockContextSpec
{
    private const int Ticks = 305;

    /// <summary>
    /// BTC 100, then 102 from tick 2, 101 from tick 41. ETH 2000, then 1990 from tick 5. AAA rises at tick 10, BBB falls
    /// at tick 15, CCC never moves, DDD lists at tick 20 and rises at tick 45.
    /// </summary>
    private static decimal? MidAt(string symbol, int n) => symbol switch
    {
        "BTCUSDT" => n < 2 ? 100m : n < 41 ? 102m : 101m,
        "ETHUSDT" => n < 5 ? 2000m : 1990m,
        "AAAUSDT" => n < 10 ? 10m : 11m,
        "BBBUSDT" => n < 15 ? 20m : 19m,
        "CCCUSDT" => 30m,
        "DDDUSDT" => n < 20 ? null : n < 45 ? 40m : 41m,
        _ => throw new ArgumentOutOfRangeException(nameof(symbol)),
    };

    private static readonly string[] Symbols = ["AAAUSDT", "BBBUSDT", "BTCUSDT", "CCCUSDT", "DDDUSDT", "ETHUSDT"];

    private static readonly Lazy<List<Tick>> Run = new(() =>
    {
        var clock = new MarketClock(Settings() with { Cadence = TimeSpan.FromSeconds(1) });
        var output = new List<IWithSymbol>();
        // The book tickers for tick n + 1 cross the boundary of tick n, so one round past the last tick emits it.
        for (var n = 1; n <= Ticks + 1; n++)
            foreach (var symbol in Symbols)
                if (MidAt(symbol, n) is { } mid)
                    clock.On(Top(symbol, (n - 1) * 1_000 + 500, mid, mid), output);
        return output.OfType<Tick>().ToList();
    });

    private static MarketContext ContextAt(int n)
    {
        var ticks = Run.Value.Where(t => t.Time == TestEvents.At(n * 1_000)).ToList();
        Assert.NotEmpty(ticks);
        return ticks[0].Context;
    }

    private static double Bps(double from, double to) => Math.Log(to / from) * 10_000;

    // The BTC tick returns that are not zero: tick 2 and tick 41.
    private static readonly double R2 = Bps(100, 102);   // +198.03 bps
    private static readonly double R41 = Bps(102, 101);  // -98.52 bps

    [Fact]
    public void MarketClock_must_give_btc_tick_and_30_second_returns()
    {
        Assert.Equal(0, ContextAt(1).BtcReturnBps);                 // no previous mid
        Assert.Equal(R2, ContextAt(2).BtcReturnBps, 9);
        Assert.Equal(R2, ContextAt(2).BtcReturn30sBps, 9);
        Assert.Equal(0, ContextAt(3).BtcReturnBps, 9);
        Assert.Equal(R2, ContextAt(31).BtcReturn30sBps, 9);         // ticks 2..31 hold r2: ln(102/100)
        Assert.Equal(0, ContextAt(32).BtcReturn30sBps, 9);          // ticks 3..32: ln(102/102)
        Assert.Equal(R41, ContextAt(41).BtcReturnBps, 9);
        Assert.Equal(R41, ContextAt(41).BtcReturn30sBps, 9);        // ticks 12..41: ln(101/102)
        Assert.Equal(R41, ContextAt(70).BtcReturn30sBps, 9);        // ticks 41..70
        Assert.Equal(0, ContextAt(71).BtcReturn30sBps, 9);
    }

    [Fact]
    public void MarketClock_must_give_btc_5_minute_volatility_over_the_last_300_ticks()
    {
        Assert.Equal(0, ContextAt(1).BtcVolatilityBps);
        Assert.Equal(Math.Abs(R2), ContextAt(2).BtcVolatilityBps, 9);
        Assert.Equal(Math.Abs(R2), ContextAt(40).BtcVolatilityBps, 9);
        var both = Math.Sqrt(R2 * R2 + R41 * R41);           // sqrt(39214.4 + 9706.8) = 221.18
        Assert.Equal(both, ContextAt(41).BtcVolatilityBps, 9);
        Assert.Equal(both, ContextAt(301).BtcVolatilityBps, 9);     // ticks 2..301
        Assert.Equal(Math.Abs(R41), ContextAt(302).BtcVolatilityBps, 9); // ticks 3..302: r2 has left
    }

    [Fact]
    public void MarketClock_must_give_eth_tick_return_30_second_return_and_5_minute_volatility()
    {
        var r5 = Bps(2000, 1990); // -50.13 bps
        Assert.Equal(0, ContextAt(4).EthReturnBps);
        Assert.Equal(r5, ContextAt(5).EthReturnBps, 9);
        Assert.Equal(r5, ContextAt(5).EthReturn30sBps, 9);
        Assert.Equal(Math.Abs(r5), ContextAt(5).EthVolatilityBps, 9);
        Assert.Equal(0, ContextAt(6).EthReturnBps, 9);
        Assert.Equal(r5, ContextAt(34).EthReturn30sBps, 9);         // ticks 5..34
        Assert.Equal(0, ContextAt(35).EthReturn30sBps, 9);          // ticks 6..35
        Assert.Equal(Math.Abs(r5), ContextAt(304).EthVolatilityBps, 9); // ticks 5..304
        Assert.Equal(0, ContextAt(305).EthVolatilityBps, 9);        // ticks 6..305
    }

    [Fact]
    public void MarketClock_must_give_breadth_as_the_share_of_symbols_measurable_over_30_seconds_that_rose()
    {
        // Until tick 31 no symbol has a mid 30 s back.
        Assert.Equal(0.5, ContextAt(30).Breadth);
        // Tick 31 vs tick 1: BTC 102 > 100 rose, AAA 11 > 10 rose, ETH 1990 < 2000 fell, BBB 19 < 20 fell,
        // CCC unchanged; DDD (listed at tick 20) is not measured. 2 of 5.
        Assert.Equal(0.4, ContextAt(31).Breadth, 12);
        // Tick 50 vs tick 20: DDD 41 > 40 rose, BTC 101 < 102 fell, ETH, AAA, BBB and CCC unchanged. 1 of 6.
        Assert.Equal(1.0 / 6, ContextAt(50).Breadth, 12);
        // DDD's first book ticker (19.5 s) comes after tick 19 and before tick 20.
        Assert.Equal((5, 6), (ContextAt(19).ActiveSymbols, ContextAt(20).ActiveSymbols));
    }

    [Fact]
    public void MarketClock_must_give_the_volatility_regime_as_the_share_of_held_ticks_at_or_below_now()
    {
        Assert.Equal(0.5, ContextAt(1).VolatilityRegime);           // a single tick: no history
        Assert.Equal(1.0, ContextAt(2).VolatilityRegime);           // 0 and 198.03, both <= 198.03
        Assert.Equal(1.0, ContextAt(41).VolatilityRegime);          // 221.18 is the highest yet
        // Tick 302: 98.52. At or below it: tick 1 (0) and tick 302 itself; ticks 2..40 (198.03) and 41..301 (221.18) are above.
        Assert.Equal(2.0 / 302, ContextAt(302).VolatilityRegime, 12);
        Assert.Equal(3.0 / 303, ContextAt(303).VolatilityRegime, 12);
    }

    [Fact]
    public void MarketClock_must_give_every_symbols_tick_at_a_time_the_same_context()
    {
        var byTime = Run.Value.GroupBy(t => t.Time).ToList();
        Assert.Equal(Ticks, byTime.Count);
        foreach (var ticks in byTime)
        {
            var first = ticks.First();
            Assert.Equal(first.Time, first.Context.Time);
            Assert.Equal(ticks.Select(t => t.Symbol).Order(StringComparer.Ordinal), ticks.Select(t => t.Symbol));
            Assert.All(ticks, t => Assert.Equal(first.Context, t.Context));
            Assert.All(ticks, t => Assert.Equal(ticks.Count(), t.RoundSize));
        }
        Assert.Equal(Symbols.Length, byTime[^1].Count());
    }
}
