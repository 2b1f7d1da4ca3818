using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Screener.Analytics.Features;

namespace Screener.Analytics.Tests.Features;

public sealed class TickRingSpec
{
    /// <summary>Random windows, then rows pushed one at a time; <c>Integers</c> rows hold whole numbers only.</summary>
    private sealed record RingCase(int[] Windows, double[][] Rows, bool Integers)
    {
        public int Fields => Rows.Length == 0 ? 1 : Rows[0].Length;

        public override string ToString() =>
            $"windows [{string.Join(",", Windows)}], {Rows.Length} rows: " + string.Join(" ", Rows.Select(r => $"[{string.Join(",", r.Select(v => v.ToString("R")))}]"));
    }

    private static readonly Gen<double> RealGen =
        from mantissa in Gen.Choose(-1_000_000, 1_000_000)
        from scale in Gen.Elements(1e-6, 0.37, 1.0, 3.3e3, 1e6)
        select mantissa / 1_000_000.0 * scale;

    private static readonly Gen<double> IntegerGen = Gen.Choose(-1_000_000, 1_000_000).Select(i => (double)i);

    private static Arbitrary<RingCase> Cases(bool integers) => Arb.From(
        from windows in Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Gen.Choose(1, 12), n))
        from fields in Gen.Choose(1, 4)
        from count in Gen.Choose(0, 50)
        from rows in Gen.ArrayOf(Gen.ArrayOf(integers ? IntegerGen : RealGen, fields), count)
        select new RingCase(windows, rows, integers));

    /// <summary>Sum of <paramref name="field"/> over the last min(pushed, length) of the first <paramref name="pushed"/> rows.</summary>
    private static double Naive(double[][] rows, int pushed, int length, int field)
    {
        var sum = 0.0;
        for (var i = Math.Max(0, pushed - length); i < pushed; i++) sum += rows[i][field];
        return sum;
    }

    [Property(MaxTest = 300)]
    public Property TickRing_must_keep_each_windows_sums_equal_to_a_recount_of_its_last_rows() =>
        Prop.ForAll(Cases(integers: false), c =>
        {
            var ring = new TickRing(c.Fields, c.Windows);
            var magnitude = new double[c.Fields];
            for (var p = 1; p <= c.Rows.Length; p++)
            {
                ring.Push(c.Rows[p - 1]);
                for (var f = 0; f < c.Fields; f++) magnitude[f] += Math.Abs(c.Rows[p - 1][f]);
                for (var w = 0; w < c.Windows.Length; w++)
                for (var f = 0; f < c.Fields; f++)
                {
                    // A running sum carries the rounding of every row that passed through it: 1e-12 of their total size.
                    var expected = Naive(c.Rows, p, c.Windows[w], f);
                    Assert.True(Math.Abs(ring.Sum(w, f) - expected) <= 1e-12 * magnitude[f],
                        $"after {p} rows, window {w} field {f}: {ring.Sum(w, f):R} vs {expected:R}");
                    Assert.Equal(ring.Sum(w, f), ring.Sums(w)[f]);
                }
            }
        });

    [Property(MaxTest = 300)]
    public Property TickRing_must_evict_integer_valued_rows_exactly() =>
        Prop.ForAll(Cases(integers: true), c =>
        {
            var ring = new TickRing(c.Fields, c.Windows);
            for (var p = 1; p <= c.Rows.Length; p++)
            {
                ring.Push(c.Rows[p - 1]);
                for (var w = 0; w < c.Windows.Length; w++)
                for (var f = 0; f < c.Fields; f++)
                    Assert.Equal(Naive(c.Rows, p, c.Windows[w], f), ring.Sum(w, f));
            }
        });

    [Property(MaxTest = 300)]
    public Property TickRing_must_report_count_fullness_and_past_rows_as_pushed() =>
        Prop.ForAll(Cases(integers: true), c =>
        {
            var ring = new TickRing(c.Fields, c.Windows);
            var longest = c.Windows.Max();
            Assert.Equal((c.Fields, c.Windows.Length), (ring.Fields, ring.Windows));
            for (var p = 0; p <= c.Rows.Length; p++)
            {
                if (p > 0) ring.Push(c.Rows[p - 1]);
                Assert.Equal(p, ring.Pushed);
                for (var w = 0; w < c.Windows.Length; w++)
                {
                    Assert.Equal(c.Windows[w], ring.Length(w));
                    Assert.Equal(Math.Min(p, c.Windows[w]), ring.Count(w));
                    Assert.Equal(p >= c.Windows[w], ring.IsFull(w));
                }

                // Every row of the longest window and the one just before it (what a change over a window is
                // measured from) can be read back; nothing older, nothing not yet pushed.
                var held = Math.Min(p, longest + 1);
                for (var k = 0; k < held; k++)
                for (var f = 0; f < c.Fields; f++)
                    Assert.Equal(c.Rows[p - 1 - k][f], ring.Ago(k, f));
                Assert.Throws<ArgumentOutOfRangeException>(() => ring.Ago(held, 0));
                Assert.Throws<ArgumentOutOfRangeException>(() => ring.Ago(-1, 0));
            }
        });

    [Fact]
    public void TickRing_must_refuse_rows_of_the_wrong_length()
    {
        var ring = new TickRing(3, [2, 5]);
        Assert.Throws<ArgumentException>(() => ring.Push([1.0, 2.0]));
        Assert.Throws<ArgumentException>(() => ring.Push([1.0, 2.0, 3.0, 4.0]));
        Assert.Equal(0, ring.Pushed);
    }

    [Theory]
    [InlineData(new[] { 0 })]
    [InlineData(new[] { 3, -1 })]
    [InlineData(new int[0])]
    public void TickRing_must_refuse_windows_shorter_than_one_tick_or_none(int[] windows) =>
        Assert.ThrowsAny<ArgumentException>(() => new TickRing(2, windows));

    [Fact]
    public void TickRing_must_refuse_rows_without_fields() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TickRing(0, [1]));

    [Fact]
    public void TickRing_must_refuse_a_row_not_yet_pushed_or_already_overwritten()
    {
        var ring = new TickRing(1, [2, 3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => ring.Ago(0, 0));
        for (var i = 1; i <= 10; i++) ring.Push([i]);

        Assert.Equal(10, ring.Ago(0, 0));
        Assert.Equal(7, ring.Ago(3, 0)); // the row just before the 3-tick window
        Assert.Throws<ArgumentOutOfRangeException>(() => ring.Ago(4, 0));
    }
}
