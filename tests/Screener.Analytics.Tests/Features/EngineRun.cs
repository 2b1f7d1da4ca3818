using FsCheck;
using FsCheck.Fluent;
using Screener.Analytics.Books;
using Screener.Analytics.Features;
using Screener.Contracts;
using Screener.Contracts.Market;

namespace Screener.Analytics.Tests.Features;

/// <summary>
/// Generated engine input: a cadence (1 s or 500 ms), then up to 400 ticks (often past the 5-min window, so rows are
/// evicted) of random events of every kind, including the awkward ones (zero sizes, crossed or locked tops, a missing
/// index, funding already past, a zero funding interval), a random context and a book that is absent, in sync or not.
/// </summary>
internal sealed record EngineRun(int CadenceMs, int WarmUpTicks, EngineRun.Step[] Steps)
{
    /// <param name="Bids">When not null, the book is reset to these levels before the tick closes.</param>
    public sealed record Step(MarketEvent[] Events, MarketContext Context, bool PassBook, PriceLevel[]? Bids, PriceLevel[]? Asks, bool InSync);

    private static readonly Gen<decimal> ScaleGen = Gen.Elements(0.0001m, 0.05m, 1m, 120m, 60_000m);

    private static readonly Gen<decimal> QuantityGen = Gen.Elements(0m, 0.001m, 0.5m, 1m, 3m, 250m, 100_000m);

    private static Gen<decimal> PriceGen(decimal scale) => Gen.Choose(900, 1_100).Select(p => scale * p / 1_000);

    private static Gen<MarketEvent> EventGen(decimal scale, long start, long cadence) =>
        from offset in Gen.Choose(0, 999).Select(o => start + cadence * o / 1_000)
        from price in PriceGen(scale)
        from quantity in QuantityGen
        from other in QuantityGen
        from kind in Gen.Frequency(
            (30, Gen.Constant(0)), (30, Gen.Constant(1)), (5, Gen.Constant(2)), (5, Gen.Constant(3)), (5, Gen.Constant(4)), (2, Gen.Constant(5)))
        from spreadTicks in Gen.Choose(-1, 5)
        from buy in Gen.Elements(true, false)
        from rate in Gen.Choose(-100, 100).Select(r => r / 10_000m)
        from fundingOffsetMinutes in Gen.Choose(-60, 480)
        from hours in Gen.Choose(0, 8)
        select kind switch
        {
            0 => (MarketEvent)new BookTop(EngineEvents.Symbol, offset, offset, 0, 0, price, quantity, price + spreadTicks * scale / 1_000, other),
            1 => new Trade(EngineEvents.Symbol, offset, offset, 0, 0, price, quantity, buy ? Side.Buy : Side.Sell, offset),
            2 => new MarkPrice(EngineEvents.Symbol, offset, offset, 0, price, buy ? price * (1 + rate) : null, rate,
                offset + fundingOffsetMinutes * TimeSpan.TicksPerMinute),
            3 => new Liquidation(EngineEvents.Symbol, offset, offset, 0, buy ? Side.Buy : Side.Sell, price, buy ? price : 0m, quantity,
                spreadTicks > 2 ? quantity : 0m, "FILLED", offset),
            4 => new OpenInterest(EngineEvents.Symbol, offset, offset, 0, quantity * 10),
            _ => new FundingInterval(EngineEvents.Symbol, offset, offset, 0, hours),
        };

    private static Gen<PriceLevel[]> SideGen(decimal scale, int direction) =>
        from count in Gen.Choose(0, 12)
        from quantities in Gen.ArrayOf(QuantityGen, count)
        select quantities.Select((q, i) => new PriceLevel(scale * (1_000 + direction * (1 + 4 * i)) / 1_000, q)).ToArray();

    private static Gen<Step> StepGen(decimal scale, long start, long cadence) =>
        from count in Gen.Frequency((3, Gen.Constant(0)), (10, Gen.Choose(1, 4)))
        from events in Gen.ArrayOf(EventGen(scale, start, cadence), count)
        from btc in Gen.Choose(-50_000, 50_000).Select(b => b / 100.0)
        from vol in Gen.Choose(0, 100_000).Select(b => b / 100.0)
        from breadth in Gen.Choose(0, 100).Select(b => b / 100.0)
        from regime in Gen.Choose(0, 100).Select(b => b / 100.0)
        from passBook in Gen.Elements(true, false)
        from reset in Gen.Frequency((1, Gen.Constant(true)), (9, Gen.Constant(false)))
        from bids in SideGen(scale, -1)
        from asks in SideGen(scale, +1)
        from inSync in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
        let time = start + cadence
        select new Step(events.OrderBy(e => e.TsEvent).ToArray(),
            new MarketContext(time, btc, vol, breadth, 10, btc * 3, -btc, btc / 2, vol * 2, regime),
            passBook, reset ? bids : null, reset ? asks : null, inSync);

    public static Arbitrary<EngineRun> Arbitrary() => Arb.From(
        from cadenceMs in Gen.Elements(1_000, 500)
        from warmUp in Gen.Choose(1, 30)
        from scale in ScaleGen
        from count in Gen.Frequency((1, Gen.Choose(1, 40)), (2, Gen.Choose(300, 400)))
        from steps in Gen.CollectToArray(Enumerable.Range(0, count), i =>
            StepGen(scale, EngineEvents.Origin + i * cadenceMs * TimeSpan.TicksPerMillisecond, cadenceMs * TimeSpan.TicksPerMillisecond))
        select new EngineRun(cadenceMs, warmUp, steps));

    /// <summary>Feeds every step to a fresh engine and returns each tick's values and flags.</summary>
    public List<(float[] Values, DataQuality Quality)> Play()
    {
        var engine = EngineEvents.Engine(WarmUpTicks, staleAfterSeconds: 5, cadenceMs: CadenceMs);
        var book = new OrderBook();
        var closed = new List<(float[], DataQuality)>(Steps.Length);
        foreach (var step in Steps)
        {
            foreach (var e in step.Events) Feed(engine, e);
            if (step.Bids is not null) book.Reset(step.Bids, step.Asks!);
            var values = new float[EngineEvents.FeatureCount];
            var quality = engine.Close(step.Context.Time, step.Context, step.PassBook ? book : null, step.InSync, values);
            closed.Add((values, quality));
        }
        return closed;
    }

    public static void Feed(SymbolFeatureEngine engine, MarketEvent e)
    {
        switch (e)
        {
            case BookTop top: engine.OnBookTop(top); break;
            case Trade trade: engine.OnTrade(trade); break;
            case MarkPrice mark: engine.OnMarkPrice(mark); break;
            case Liquidation liquidation: engine.OnLiquidation(liquidation); break;
            case OpenInterest openInterest: engine.OnOpenInterest(openInterest); break;
            case FundingInterval interval: engine.OnFundingInterval(interval); break;
        }
    }

    public override string ToString() =>
        $"cadence {CadenceMs} ms, warm-up {WarmUpTicks}, {Steps.Length} ticks, {Steps.Sum(s => s.Events.Length)} events: " +
        string.Join(" | ", Steps.Take(40).Select(s => string.Join(",", s.Events.Select(e => e.GetType().Name))));
}
