using System.Diagnostics;

namespace Screener.Bench;

/// <summary>
/// The distribution of individually timed calls, in µs: mean, then nearest-rank percentiles of the sorted durations
/// (the p99 is the duration 99 % of calls do not exceed).
/// </summary>
public sealed record LatencyStats(int Count, double Mean, double Median, double P90, double P99, double P999, double Max)
{
    /// <param name="ticks">Durations in <see cref="Stopwatch"/> ticks; sorted in place.</param>
    public static LatencyStats Of(long[] ticks)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        if (ticks.Length == 0) throw new ArgumentException("No timed calls.", nameof(ticks));
        Array.Sort(ticks);
        double sum = 0;
        foreach (var t in ticks) sum += t;
        return new LatencyStats(ticks.Length, Micros(sum / ticks.Length), Micros(Rank(ticks, 0.5)), Micros(Rank(ticks, 0.9)),
            Micros(Rank(ticks, 0.99)), Micros(Rank(ticks, 0.999)), Micros(ticks[^1]));
    }

    private static long Rank(long[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Micros(double ticks) => ticks * 1e6 / Stopwatch.Frequency;
}
