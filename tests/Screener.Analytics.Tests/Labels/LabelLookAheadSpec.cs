using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Screener.Analytics.Labels;

namespace Screener.Analytics.Tests.Labels;

/// <summary>
/// What must hold for any path: the labels agree with a brute-force reading of the definition, a label at t reads
/// only t and (t, t + h], and it does read (t, t + h].
/// </summary>
public sealed class LabelLookAheadSpec
{
    [Property(MaxTest = 150)]
    public Property LabelBuilder_must_agree_with_a_brute_force_reading_of_the_definition() =>
        Prop.ForAll(LabelRun.Arbitrary(), run =>
        {
            var labels = LabelRun.Builder().Build(run.Observations);
            var k = 0;
            for (var p = 0; p < LabelRun.Profiles.Length; p++)
            foreach (var horizon in LabelRun.Horizons)
            {
                var series = labels[k++];
                Assert.Equal((LabelRun.Profiles[p].Name, horizon), (series.Profile, series.Horizon));
                for (var i = 0; i < run.Observations.Length; i++) Check(run, p, horizon, i, series.Rows[i]);
            }
        });

    [Property(MaxTest = 100)]
    public Property LabelBuilder_must_not_change_a_label_when_data_before_t_or_after_t_plus_h_change() =>
        Prop.ForAll(LabelRun.Arbitrary(), Arb.From(Gen.Choose(0, 1_000_000)), (run, pick) =>
        {
            var original = LabelRun.Builder().Build(run.Observations);
            var random = new Random(pick);
            for (var h = 0; h < LabelRun.Horizons.Length; h++)
            {
                var i = pick % run.Observations.Length;
                var read = run.Window(i, LabelRun.Horizons[h]).Append(i).ToHashSet();
                var perturbed = run;
                for (var j = 0; j < run.Observations.Length; j++)
                    if (!read.Contains(j)) perturbed = perturbed.Scale(j, 0.8 + 0.45 * random.NextDouble());
                var relabelled = LabelRun.Builder().Build(perturbed.Observations);
                for (var p = 0; p < LabelRun.Profiles.Length; p++)
                {
                    var s = p * LabelRun.Horizons.Length + h;
                    Assert.Equal(original[s].Rows[i], relabelled[s].Rows[i]);
                }
            }
        });

    [Property(MaxTest = 100)]
    public Property LabelBuilder_must_change_a_label_when_a_new_extreme_appears_within_its_horizon() =>
        // At least 70 observations at most 5 s apart: the first row is complete for every horizon.
        Prop.ForAll(LabelRun.Arbitrary(minCount: 70, maxGap: 5), Arb.From(Gen.Choose(0, 1_000_000)), (run, pick) =>
        {
            var original = LabelRun.Builder().Build(run.Observations);
            var last = run.Observations[^1].Time;
            for (var h = 0; h < LabelRun.Horizons.Length; h++)
            {
                var horizon = LabelRun.Horizons[h];
                var complete = Enumerable.Range(0, run.Observations.Length).Where(i => run.Observations[i].Time + horizon.Ticks <= last).ToArray();
                var i = complete[pick % complete.Length];
                var window = run.Window(i, horizon).ToArray();
                var j = window[pick / 7 % window.Length];
                // Doubling every price at one tick of the window makes it the best long exit by far.
                var relabelled = LabelRun.Builder().Build(run.Scale(j, 2.0).Observations);
                for (var p = 0; p < LabelRun.Profiles.Length; p++)
                {
                    var s = p * LabelRun.Horizons.Length + h;
                    var (before, after) = (original[s].Rows[i], relabelled[s].Rows[i]);
                    Assert.True(before.Complete && after.Complete);
                    Assert.Equal(LabelSide.Long, after.Side);
                    Assert.NotEqual(before.MoveBps, after.MoveBps);
                    Assert.NotEqual(before.NetEdgeBps, after.NetEdgeBps);
                }
            }
        });

    /// <summary>
    /// Row <paramref name="i"/> against the definition read literally: every exit tick of the window tried, the
    /// executable round trip (exit VWAP against entry price, less fees) maximised per side, the better side kept.
    /// </summary>
    private static void Check(LabelRun run, int p, TimeSpan horizon, int i, Label row)
    {
        var o = run.Observations;
        var window = run.Window(i, horizon).ToArray();
        var thin = o[i].Fills[p].Thin || window.Any(j => o[j].Fills[p].Thin);
        Assert.Equal(o[i].Time, row.Time);
        Assert.Equal(thin, row.Thin);
        if (window.Length == 0 || o[^1].Time < o[i].Time + horizon.Ticks)
        {
            LabelPaths.ExpectIncomplete(row);
            return;
        }

        var profile = LabelRun.Profiles[p];
        var fees = profile.EntryFeeBps + profile.ExitFeeBps;
        var m = (o[i].Bid + o[i].Ask) / 2;
        var passive = LabelRun.Passive(profile.Name);
        var buyAt = passive ? o[i].Bid : o[i].Fills[p].BuyVwap;
        var sellAt = passive ? o[i].Ask : o[i].Fills[p].SellVwap;
        var longMove = window.Max(j => ((o[j].Bid + o[j].Ask) / 2 - m) / m * 10_000);
        var longNet = window.Max(j => (o[j].Fills[p].SellVwap - buyAt) / m * 10_000) - fees;
        var shortMove = window.Max(j => (m - (o[j].Bid + o[j].Ask) / 2) / m * 10_000);
        var shortNet = window.Max(j => (sellAt - o[j].Fills[p].BuyVwap) / m * 10_000) - fees;

        // Rounding can order two nets equal to 1e-12 either way; either side is then right.
        var tolerance = 1e-9;
        var (move, net) = row.Side switch
        {
            LabelSide.Long => (longMove, longNet),
            LabelSide.Short => (shortMove, shortNet),
            _ => throw new Xunit.Sdk.XunitException($"row {i}: a complete row needs a side, got {row}"),
        };
        Assert.True(net >= Math.Max(longNet, shortNet) - tolerance, $"row {i}: {row.Side} taken with net {net}, long {longNet}, short {shortNet}");
        LabelPaths.Near(move, row.MoveBps, $"row {i} move", tolerance);
        LabelPaths.Near(net, row.NetEdgeBps, $"row {i} net", tolerance);
        LabelPaths.Near(move - net, row.CostBps, $"row {i} cost", tolerance);
        Assert.Equal(row.MoveBps - row.CostBps, row.NetEdgeBps);
        Assert.Equal(row.NetEdgeBps > 0, row.InPlay);
        Assert.True(row.Complete);
    }
}
