using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Screener.Analytics.Features;

namespace Screener.Analytics.Tests.Features;

/// <summary>The O(1) window behind every rolling feature must agree with a recount of its last values.</summary>
public sealed class RollingWindowSpec
{
    // Values like the engine pushes: traded quantities and bps returns, 0 to 6 decimals, many exact zeros
    // (quiet intervals).
    private static readonly Gen<double> Value = Gen.Frequency(
        (1, Gen.Constant(0.0)),
        (4, from units in Gen.Choose(-1_000_000, 1_000_000)
            from decimals in Gen.Choose(0, 6)
            select units / Math.Pow(10, decimals)));

    private static readonly Arbitrary<(int Capacity, double[] Values)> Pushes = Arb.From(
        from capacity in Gen.Choose(1, 12)
        from count in Gen.Choose(0, 60)
        from values in Gen.ArrayOf(Value, count)
        select (capacity, values));

    // Per-tick mid returns in bps, two decimals, within ±500 bps.
    private static readonly Arbitrary<(int Capacity, double[] Values)> Returns = Arb.From(
        from capacity in Gen.Choose(1, 12)
        from count in Gen.Choose(0, 60)
        from values in Gen.ArrayOf(Gen.Choose(-50_000, 50_000).Select(u => u / 100.0), count)
        select (capacity, values));

    [Property(MaxTest = 300)]
    public Property RollingWindow_must_count_up_to_its_capacity_and_report_full_only_there() =>
        Prop.ForAll(Pushes, run =>
        {
            var window = new RollingWindow(run.Capacity);
            for (var n = 1; n <= run.Values.Length; n++)
            {
                window.Push(run.Values[n - 1]);
                Assert.Equal(Math.Min(n, run.Capacity), window.Count);
                Assert.Equal(n >= run.Capacity, window.IsFull);
                Assert.Equal(run.Capacity, window.Capacity);
            }
        });

    /// <summary>
    /// Relative to the sum of magnitudes in the window, the scale any correct summation of those values has;
    /// rounding residue left behind by values that have already left the window is not excused.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property RollingWindow_must_sum_exactly_the_last_capacity_values() =>
        Prop.ForAll(Pushes, run =>
        {
            var window = new RollingWindow(run.Capacity);
            for (var n = 1; n <= run.Values.Length; n++)
            {
                window.Push(run.Values[n - 1]);
                var last = Last(run.Values, n, run.Capacity);
                var expected = last.Sum();
                var scale = last.Sum(Math.Abs);
                Assert.True(Math.Abs(window.Sum - expected) <= 1e-9 * scale,
                    $"after {n} pushes into capacity {run.Capacity}: Sum {window.Sum:R}, last values sum to {expected:R} ([{string.Join(", ", last)}])");
            }
        });

    /// <summary>
    /// Population std of bps returns, against a two-pass recount; the tolerance (at most 5e-4 bps) covers the
    /// one-pass formula's rounding and is far below what a wrong divisor or a wrong eviction would give.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property RollingWindow_must_report_the_population_standard_deviation_of_the_last_values() =>
        Prop.ForAll(Returns, run =>
        {
            var window = new RollingWindow(run.Capacity);
            var largest = 0.0;
            for (var n = 1; n <= run.Values.Length; n++)
            {
                window.Push(run.Values[n - 1]);
                largest = Math.Max(largest, Math.Abs(run.Values[n - 1]));
                var last = Last(run.Values, n, run.Capacity);
                var mean = last.Average();
                var expected = last.Length < 2 ? 0 : Math.Sqrt(last.Sum(v => (v - mean) * (v - mean)) / last.Length);
                Assert.True(Math.Abs(window.StandardDeviation() - expected) <= 1e-9 * expected + 1e-6 * largest,
                    $"after {n} pushes into capacity {run.Capacity}: std {window.StandardDeviation():R}, expected {expected:R}");
            }
        });

    [Fact]
    public void RollingWindow_must_sum_to_exactly_zero_once_only_zeros_remain()
    {
        // Traded quantities 0.1, 0.2, 0.3 then three quiet intervals: nothing traded in the window.
        var window = new RollingWindow(3);
        foreach (var v in new[] { 0.1, 0.2, 0.3, 0, 0, 0 }) window.Push(v);

        Assert.Equal(0.0, window.Sum);
        Assert.Equal(0.0, window.StandardDeviation());
    }

    [Fact]
    public void RollingWindow_must_report_zero_deviation_with_fewer_than_two_values()
    {
        var window = new RollingWindow(5);
        Assert.Equal(0, window.StandardDeviation());
        window.Push(42.5);
        Assert.Equal(0, window.StandardDeviation());
        window.Push(44.5);
        Assert.Equal(1.0, window.StandardDeviation(), 12); // population: mean 43.5, deviations ±1
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void RollingWindow_must_reject_a_capacity_below_one(int capacity) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingWindow(capacity));

    private static double[] Last(double[] values, int pushed, int capacity) =>
        values[Math.Max(0, pushed - capacity)..pushed];
}
