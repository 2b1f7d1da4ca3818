using FsCheck;
using FsCheck.Fluent;
using Screener.Analytics.Labels;
using Screener.Analytics.Scoring;

namespace Screener.Analytics.Tests.Labels;

/// <summary>
/// Generated label input: 1 to 80 observations 1 to 12 s apart, a mid walking ±30 bps a step from 100, a half spread
/// of 0 to 10 bps, and per profile its own walk slippage of 0 to 20 bps each side, thin one time in ten. The profiles
/// are the defaults plus a cheaper aggressive one with a larger notional; the horizons 10, 30 and 60 s.
/// </summary>
internal sealed record LabelRun(LabelObservation[] Observations)
{
    public static readonly ExecutionProfile[] Profiles =
        [ExecutionProfile.Taker, ExecutionProfile.Maker, new("big", 1.0, 1.5, 2, 250_000)];

    public static readonly TimeSpan[] Horizons = [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60)];

    /// <summary>Which profiles rest at the touch on entry, by name, as the tests read ARCHITECTURE section 3.</summary>
    public static bool Passive(string profile) => profile == "maker";

    public static LabelBuilder Builder() => new(Profiles, Horizons);

    /// <summary>Walk slippage beyond the touch, bps, each side, and whether the walk ran out of depth.</summary>
    private static readonly Gen<(double BuyBps, double SellBps, bool Thin)> SlipGen =
        from buySlip in Gen.Choose(0, 200)
        from sellSlip in Gen.Choose(0, 200)
        from thin in Gen.Frequency((1, Gen.Constant(true)), (9, Gen.Constant(false)))
        select (buySlip / 10.0, sellSlip / 10.0, thin);

    private static Gen<(int Gap, int StepBps, int HalfSpreadTenths, (double BuyBps, double SellBps, bool Thin)[] Slips)> StepGen(int maxGap) =>
        from gap in Gen.Choose(1, maxGap)
        from step in Gen.Choose(-30, 30)
        from half in Gen.Choose(0, 100)
        from slips in Gen.ArrayOf(SlipGen, Profiles.Length)
        select (gap, step, half, slips);

    /// <param name="minCount">Fewest observations (at most 80).</param>
    /// <param name="maxGap">Largest gap between observations, seconds.</param>
    public static Arbitrary<LabelRun> Arbitrary(int minCount = 1, int maxGap = 12) => Arb.From(
        from count in Gen.Choose(minCount, 80)
        from steps in Gen.ArrayOf(StepGen(maxGap), count)
        select new LabelRun(Build(steps)));

    private static LabelObservation[] Build((int Gap, int StepBps, int HalfSpreadTenths, (double BuyBps, double SellBps, bool Thin)[] Slips)[] steps)
    {
        var observations = new LabelObservation[steps.Length];
        double seconds = 0, mid = 100;
        for (var i = 0; i < steps.Length; i++)
        {
            var (gap, stepBps, halfTenths, slips) = steps[i];
            seconds += gap;
            mid *= 1 + stepBps / 10_000.0;
            var half = mid * halfTenths / 100_000.0;
            var (bid, ask) = (mid - half, mid + half);
            var fills = slips.Select(s => new BookFill(ask * (1 + s.BuyBps / 10_000), bid * (1 - s.SellBps / 10_000), s.Thin)).ToArray();
            observations[i] = new LabelObservation(LabelPaths.At(seconds), bid, ask, fills);
        }
        return observations;
    }

    /// <summary>The indices in row <paramref name="i"/>'s window (t, t + h].</summary>
    public IEnumerable<int> Window(int i, TimeSpan horizon) =>
        Enumerable.Range(i + 1, Observations.Length - i - 1).Where(j => Observations[j].Time <= Observations[i].Time + horizon.Ticks);

    /// <summary>Every price of observation <paramref name="i"/> scaled by <paramref name="factor"/>, and its thin flags flipped.</summary>
    public LabelRun Scale(int i, double factor)
    {
        var copy = Observations.ToArray();
        var o = copy[i];
        copy[i] = o with
        {
            Bid = o.Bid * factor,
            Ask = o.Ask * factor,
            Fills = o.Fills.Select(f => new BookFill(f.BuyVwap * factor, f.SellVwap * factor, !f.Thin)).ToArray(),
        };
        return new LabelRun(copy);
    }

    public override string ToString() =>
        string.Join(" ", Observations.Select(o => $"{(o.Time - LabelPaths.Origin) / TimeSpan.TicksPerSecond}s:{o.Bid:0.####}/{o.Ask:0.####}"));
}
