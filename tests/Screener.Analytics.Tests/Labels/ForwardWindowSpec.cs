using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Screener.Analytics.Labels;

namespace Screener.Analytics.Tests.Labels;

/// <summary>The forward windows (t, t + h] and their running extremes.</summary>
public sealed class ForwardWindowSpec
{
    [Fact]
    public void ForwardWindow_must_take_the_rows_after_t_up_to_and_including_t_plus_h()
    {
        long[] times = [0, 1, 2, 5, 6, 7];
        double[] values = [9, 3, 4, 1, 8, 2];
        var ends = new int[times.Length];
        var max = new double[times.Length];
        var min = new double[times.Length];

        ForwardWindow.Ends(times, 2, ends);
        ForwardWindow.Extremes(values, ends, max: true, max);
        ForwardWindow.Extremes(values, ends, max: false, min);

        // (0, 2] = rows 1, 2; (1, 3] = row 2; (2, 4] = none; (5, 7] = rows 4, 5; (6, 8] = row 5; (7, 9] = none.
        Assert.Equal([3, 3, 3, 6, 6, 6], ends);
        Assert.Equal([4, 4, double.NaN, 8, 2, double.NaN], max);
        Assert.Equal([3, 4, double.NaN, 2, 2, double.NaN], min);
    }

    [Property(MaxTest = 300)]
    public Property ForwardWindow_must_agree_with_scanning_each_window() =>
        Prop.ForAll(
            Arb.From(Gen.ArrayOf(from gap in Gen.Choose(1, 5) from value in Gen.Choose(-50, 50) select (Gap: gap, Value: value))),
            Arb.From(Gen.Choose(1, 12)),
            (steps, horizon) =>
            {
                var times = new long[steps.Length];
                var values = new double[steps.Length];
                for (var i = 0; i < steps.Length; i++)
                {
                    times[i] = (i == 0 ? 0 : times[i - 1]) + steps[i].Gap;
                    values[i] = steps[i].Value; // small integers: ties are common, and the deque must keep them right
                }
                var ends = new int[times.Length];
                var max = new double[times.Length];
                var min = new double[times.Length];

                ForwardWindow.Ends(times, horizon, ends);
                ForwardWindow.Extremes(values, ends, max: true, max);
                ForwardWindow.Extremes(values, ends, max: false, min);

                for (var i = 0; i < times.Length; i++)
                {
                    var window = Enumerable.Range(0, times.Length).Where(j => times[j] > times[i] && times[j] <= times[i] + horizon).ToArray();
                    Assert.Equal(window.Length == 0 ? i + 1 : window[^1] + 1, ends[i]);
                    Assert.Equal(window.Length == 0 ? double.NaN : window.Max(j => values[j]), max[i]);
                    Assert.Equal(window.Length == 0 ? double.NaN : window.Min(j => values[j]), min[i]);
                }
            });
}
