using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Screener.Analytics.Features;
using Screener.Analytics.Tests.Features;
using Screener.Contracts.Market;

namespace Screener.Analytics.Tests.Labels;

/// <summary>
/// The feature half of "no look-ahead": <see cref="SymbolFeatureEngine"/>'s snapshot at tick t is the same, bit for
/// bit, whatever happens after t. Two generated streams (<see cref="EngineRun"/>) agree up to a cut tick and differ
/// in everything afterwards: events dropped, repriced, resized and flipped, other market contexts, other books,
/// other sync states.
/// </summary>
public sealed class FeatureLookAheadSpec
{
    private static readonly Arbitrary<(EngineRun Run, int Cut, int Seed)> Cases = Arb.From(
        from run in EngineRun.Arbitrary().Generator
        where run.Steps.Length >= 2
        from permille in Gen.Choose(0, 999)
        from seed in Gen.Choose(0, int.MaxValue - 1)
        select (run, permille * (run.Steps.Length - 1) / 1_000, seed));

    [Property(MaxTest = 40)]
    public Property SymbolFeatureEngine_must_give_bit_identical_snapshots_up_to_t_when_every_event_after_t_differs() =>
        Prop.ForAll(Cases, c =>
        {
            var (run, cut, seed) = c;
            var original = run.Play();
            var perturbed = (run with { Steps = Perturb(run.Steps, cut, seed) }).Play();

            for (var t = 0; t <= cut; t++)
            {
                Assert.Equal(original[t].Quality, perturbed[t].Quality);
                Assert.Equal(original[t].Values.Select(BitConverter.SingleToInt32Bits), perturbed[t].Values.Select(BitConverter.SingleToInt32Bits));
            }
            // The first tick after the cut ends on a 100 / 107.77 top (748 bps, far outside the generated spreads):
            // the two streams did reach the engine differently, so the equality above was not vacuous.
            Assert.NotEqual(original[cut + 1].Values[MarketFeatures.SpreadBps], perturbed[cut + 1].Values[MarketFeatures.SpreadBps]);
        });

    /// <summary>The steps after <paramref name="cut"/>, each changed throughout; the steps up to it untouched.</summary>
    private static EngineRun.Step[] Perturb(EngineRun.Step[] steps, int cut, int seed)
    {
        var random = new Random(seed);
        var perturbed = steps.ToArray();
        for (var k = cut + 1; k < steps.Length; k++)
        {
            var step = steps[k];
            var factor = 0.9m + random.Next(0, 200) / 1_000m;
            var events = step.Events.Where(_ => random.Next(4) > 0).Select(e => Shift(e, factor)).ToList();
            if (k == cut + 1)
            {
                var time = step.Context.Time - 1; // after every generated event of the interval
                events.Add(new BookTop(EngineEvents.Symbol, time, time, 0, 0, 100m, 5m, 107.77m, 5m));
            }
            perturbed[k] = step with
            {
                Events = events.ToArray(),
                Context = step.Context with { BtcReturnBps = step.Context.BtcReturnBps + 25, Breadth = 1 - step.Context.Breadth },
                PassBook = !step.PassBook,
                Bids = [new PriceLevel(99m * factor, 3m), new PriceLevel(98m * factor, 4m)],
                Asks = [new PriceLevel(101m * factor, 2m)],
                InSync = !step.InSync,
            };
        }
        return perturbed;
    }

    private static MarketEvent Shift(MarketEvent e, decimal factor) => e switch
    {
        BookTop top => top with { BidPrice = top.BidPrice * factor, AskPrice = top.AskPrice * factor, BidQuantity = top.BidQuantity + 1 },
        Trade trade => trade with
        {
            Price = trade.Price * factor, Quantity = trade.Quantity + 1, Aggressor = trade.Aggressor == Side.Buy ? Side.Sell : Side.Buy,
        },
        MarkPrice mark => mark with { Mark = mark.Mark * factor, FundingRate = -mark.FundingRate },
        Liquidation liquidation => liquidation with { Price = liquidation.Price * factor, Quantity = liquidation.Quantity + 1 },
        OpenInterest openInterest => openInterest with { Value = openInterest.Value * factor + 1 },
        FundingInterval interval => interval with { Hours = interval.Hours % 8 + 1 },
        _ => e,
    };
}
