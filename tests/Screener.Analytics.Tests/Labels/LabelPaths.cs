using Screener.Analytics.Labels;
using Screener.Analytics.Scoring;

namespace Screener.Analytics.Tests.Labels;

/// <summary>
/// Scripted observations for <see cref="LabelBuilder"/>: times in seconds after a midnight-UTC origin, and the default
/// profiles (taker: fees 5 + 5 bps, aggressive entry; maker: fees 2 + 5 bps, passive entry), both given the same fill
/// unless a test says otherwise.
/// </summary>
internal static class LabelPaths
{
    public static readonly long Origin = new DateTime(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc).Ticks;

    public static readonly ExecutionProfile[] Profiles = [ExecutionProfile.Taker, ExecutionProfile.Maker];

    public static long At(double seconds) => Origin + (long)Math.Round(seconds * TimeSpan.TicksPerSecond);

    /// <summary>An observation with the same fill for both profiles.</summary>
    public static LabelObservation Obs(double seconds, double bid, double ask, double buyVwap, double sellVwap, bool thin = false) =>
        new(At(seconds), bid, ask, new[] { new BookFill(buyVwap, sellVwap, thin), new BookFill(buyVwap, sellVwap, thin) });

    /// <summary>
    /// The standard book around <paramref name="mid"/>: touch at mid ± <paramref name="half"/>, and the notional's walk
    /// ending a further <paramref name="half"/> beyond the touch (buy VWAP mid + 2·half, sell VWAP mid − 2·half).
    /// At mid 100 and half 0.01: half spread 1 bps, walk slippage 1 bps, each side.
    /// </summary>
    public static LabelObservation Std(double seconds, double mid, double half = 0.01, bool thin = false) =>
        Obs(seconds, mid - half, mid + half, mid + 2 * half, mid - 2 * half, thin);

    public static LabelBuilder Builder(params int[] horizonSeconds) =>
        new(Profiles, horizonSeconds.Select(s => TimeSpan.FromSeconds(s)).ToArray());

    public static Label Row(this IReadOnlyList<LabelSeries> series, string profile, int horizonSeconds, int index) =>
        series.Single(s => s.Profile == profile && s.Horizon == TimeSpan.FromSeconds(horizonSeconds)).Rows[index];

    /// <summary>A complete row against hand-computed figures (bps, to 1e-9).</summary>
    public static void Expect(Label row, LabelSide side, double move, double cost, double net, bool inPlay, bool thin = false)
    {
        Assert.True(row.Complete, $"{row} should be complete");
        Assert.Equal(side, row.Side);
        Near(move, row.MoveBps, "move");
        Near(cost, row.CostBps, "cost");
        Near(net, row.NetEdgeBps, "net edge");
        Assert.Equal(inPlay, row.InPlay);
        Assert.Equal(thin, row.Thin);
    }

    public static void ExpectIncomplete(Label row)
    {
        Assert.False(row.Complete, $"{row} should be incomplete");
        Assert.Equal(LabelSide.None, row.Side);
        Assert.True(double.IsNaN(row.MoveBps) && double.IsNaN(row.CostBps) && double.IsNaN(row.NetEdgeBps), $"{row} should carry NaN figures");
        Assert.False(row.InPlay);
    }

    public static void Near(double expected, double actual, string what, double tolerance = 1e-9) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance, $"{what}: expected {expected:R}, got {actual:R}");
}
