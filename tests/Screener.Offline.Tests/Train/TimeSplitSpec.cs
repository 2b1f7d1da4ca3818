using Screener.Analytics.Labels;
using Screener.Offline.Train;

namespace Screener.Offline.Tests.Train;

public sealed class TimeSplitSpec
{
    private const int Symbols = 4;
    private const int Ticks = 2_000;
    private static readonly long Cadence = TimeSpan.FromMilliseconds(250).Ticks;
    private static readonly TrainingHead[] Heads = [new("taker", TimeSpan.FromSeconds(5)), new("taker", TimeSpan.FromSeconds(30))];
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);

    /// <summary>Four symbols ticking every 250 ms, one row in seven missing (flagged or incomplete), in symbol-major order.</summary>
    private static readonly TrainingRow[] Rows =
        [.. Enumerable.Range(0, Symbols).SelectMany(s => Enumerable.Range(0, Ticks).Where(t => (t * 31 + s * 17) % 7 != 0).Select(t => Row($"S{s}USDT", t)))];

    private static readonly int RowsPerPurge = (int)(Longest.Ticks / Cadence) * Symbols;

    [Fact]
    public void TimeSplit_must_leave_a_gap_of_the_longest_horizon_between_consecutive_splits()
    {
        var splits = TimeSplit.Default(Heads).Apply(Set());

        Assert.All(new[] { splits.Train, splits.Validation, splits.Test }, s => Assert.NotEmpty(s));
        Assert.True(splits.Train.Max(r => r.Time) + Longest.Ticks < splits.Validation.Min(r => r.Time));
        Assert.True(splits.Validation.Max(r => r.Time) + Longest.Ticks < splits.Test.Min(r => r.Time));
        Assert.All(splits.Train, r => Assert.All(r.Labels, l => Assert.True(l.Time + Longest.Ticks < splits.Validation[0].Time)));
        Assert.Equal(Rows.Length, splits.Train.Count + splits.Validation.Count + splits.Test.Count + splits.Purged);
        Assert.InRange(splits.Purged, RowsPerPurge, 2 * RowsPerPurge + 2 * Symbols);

        // Without the gap the boundary rows' horizons do reach into the next split: the check above can fail.
        var unpurged = new TimeSplit(0.6, 0.2, 0.2, TimeSpan.Zero).Apply(Rows);
        Assert.Equal(0, unpurged.Purged);
        Assert.False(unpurged.Train.Max(r => r.Time) + Longest.Ticks < unpurged.Validation.Min(r => r.Time));
    }

    [Fact]
    public void TimeSplit_must_respect_the_fractions_up_to_ties_and_the_purged_rows()
    {
        var splits = new TimeSplit(0.6, 0.2, 0.2, Longest).Apply(Rows);
        var n = Rows.Length;

        Assert.InRange(splits.Train.Count, 0.6 * n, 0.6 * n + Symbols);
        Assert.InRange(splits.Validation.Count, 0.2 * n - RowsPerPurge - 2 * Symbols, 0.2 * n);
        Assert.InRange(splits.Test.Count, 0.2 * n - RowsPerPurge - 2 * Symbols, 0.2 * n);
        // Every split is in time order, and no time is shared between splits.
        foreach (var split in new[] { splits.Train, splits.Validation, splits.Test })
            Assert.True(split.Zip(split.Skip(1)).All(p => p.Item1.Time <= p.Item2.Time));
        Assert.Empty(splits.Train.Select(r => r.Time).Intersect(splits.Validation.Select(r => r.Time)));

        var other = new TimeSplit(0.5, 0.25, 0.25, Longest).Apply(Rows);
        Assert.InRange(other.Train.Count, 0.5 * n, 0.5 * n + Symbols);
    }

    [Fact]
    public void TimeSplit_must_give_the_same_split_whatever_the_input_order()
    {
        var split = TimeSplit.Default(Heads);
        var a = split.Apply(Rows);
        var shuffled = Rows.OrderBy(r => (r.Time * 7919 + r.Symbol.GetHashCode(StringComparison.Ordinal)) % 1009).ToArray();
        var b = split.Apply(shuffled);

        Assert.NotEqual(Rows, shuffled);
        Assert.Equal(a.Train, b.Train);
        Assert.Equal(a.Validation, b.Validation);
        Assert.Equal(a.Test, b.Test);
        Assert.Equal(a.Purged, b.Purged);
    }

    [Fact]
    public void TimeSplit_must_refuse_a_purge_gap_shorter_than_the_longest_horizon_and_bad_fractions()
    {
        Assert.Throws<ArgumentException>(() => new TimeSplit(0.6, 0.2, 0.2, TimeSpan.FromSeconds(29)).Apply(Set()));
        Assert.Throws<ArgumentException>(() => new TimeSplit(0.6, 0.3, 0.2, Longest));
        Assert.Throws<ArgumentException>(() => new TimeSplit(0.8, 0.2, 0, Longest));
    }

    private static TrainingSet Set() => new("spec", Heads, Rows, new TrainingRowCounts(Rows.Length, 0, 0, 0, 0, Rows.Length));

    private static TrainingRow Row(string symbol, int tick)
    {
        var time = 638_000_000_000_000_000 + tick * Cadence;
        return new TrainingRow(symbol, time, new[] { (float)tick },
            Heads.Select(_ => new Label(time, LabelSide.Long, 1, 0.5, 0.5, true, true, false)).ToArray());
    }
}
