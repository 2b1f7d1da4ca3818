using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Screener.Analytics.Books;
using Screener.Analytics.Features;
using Screener.Contracts;
using Screener.Contracts.Market;
using static Screener.Analytics.Tests.Features.EngineEvents;

namespace Screener.Analytics.Tests.Features;

/// <summary>What must hold for any input, not just the scripted ones of <see cref="SymbolFeatureEngineSpec"/>.</summary>
public sealed class SymbolFeatureEngineInvariantsSpec
{
    [Property(MaxTest = 60)]
    public Property SymbolFeatureEngine_must_never_write_NaN_or_infinity() =>
        Prop.ForAll(EngineRun.Arbitrary(), run =>
        {
            var ticks = run.Play();
            for (var t = 0; t < ticks.Count; t++)
            for (var i = 0; i < ticks[t].Values.Length; i++)
                Assert.True(float.IsFinite(ticks[t].Values[i]),
                    $"tick {t + 1}: {MarketFeatures.Spec.Features[i].Name} = {ticks[t].Values[i]}");
        });

    [Property(MaxTest = 30)]
    public Property SymbolFeatureEngine_must_give_bit_identical_values_for_the_same_input() =>
        Prop.ForAll(EngineRun.Arbitrary(), run =>
        {
            var first = run.Play();
            var second = run.Play();
            Assert.Equal(first.Count, second.Count);
            for (var t = 0; t < first.Count; t++)
            {
                Assert.Equal(first[t].Quality, second[t].Quality);
                Assert.Equal(first[t].Values.Select(BitConverter.SingleToInt32Bits), second[t].Values.Select(BitConverter.SingleToInt32Bits));
            }
        });

    [Fact]
    public void SymbolFeatureEngine_must_allocate_nothing_per_tick_once_warm()
    {
        const int warmTicks = 400, measuredTicks = 1_000;
        var script = SteadyScript(warmTicks + measuredTicks);
        var contexts = Enumerable.Range(1, script.Length)
            .Select(s => new MarketContext(Second(s), s % 7 - 3, 20, 0.5, 10, s % 5, 1, 2, 30, 0.4)).ToArray();
        var book = new OrderBook();
        book.Reset([new(99.9m, 4m), new(99.95m, 2m), new(99.99m, 1m)], [new(100.01m, 1m), new(100.05m, 3m), new(100.2m, 5m)]);
        var engine = Engine(warmUpTicks: 20, staleAfterSeconds: 5);
        var values = new float[FeatureCount];

        long closing = 0, feeding = 0;
        for (var t = 0; t < script.Length; t++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            foreach (var e in script[t]) EngineRun.Feed(engine, e);
            var fed = GC.GetAllocatedBytesForCurrentThread();
            engine.Close(Second(t + 1), contexts[t], book, bookInSync: true, values);
            var closed = GC.GetAllocatedBytesForCurrentThread();
            if (t < warmTicks) continue;
            feeding += fed - before;
            closing += closed - fed;
        }

        Assert.Equal(0, closing);
        Assert.Equal(0, feeding);
        Assert.NotEqual(0f, values[MarketFeatures.OiChangePct5m]); // the run did reach the 5-min open-interest path
    }

    /// <summary>Every kind of event the engine reads, built up front so that only the engine can allocate.</summary>
    private static MarketEvent[][] SteadyScript(int ticks)
    {
        var script = new MarketEvent[ticks][];
        for (var t = 0; t < ticks; t++)
        {
            var ms = t * 1_000.0;
            var mid = 100m + (t % 11 - 5) * 0.01m;
            var events = new List<MarketEvent>
            {
                Top(ms + 100, mid - 0.01m, 1m + t % 3, mid + 0.01m, 2m + t % 4),
                Buy(ms + 200, mid, 0.5m + t % 5),
                Sell(ms + 300, mid, 1m + t % 2),
            };
            if (t % 10 == 0) events.Add(Mark(ms + 400, mid, mid - 0.02m, 0.0001m, Second(t + 3_600)));
            if (t % 7 == 0) events.Add(Liquidation(ms + 500, t % 2 == 0 ? Side.Buy : Side.Sell, mid, mid, 2m, 2m));
            if (t % 30 == 0) events.Add(OpenInterest(ms + 600, 10_000m + t));
            if (t == 50) events.Add(FundingHours(ms + 700, 4));
            script[t] = events.ToArray();
        }
        return script;
    }
}
