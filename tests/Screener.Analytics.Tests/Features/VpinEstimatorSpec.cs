using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Screener.Analytics.Features;

namespace Screener.Analytics.Tests.Features;

public sealed class VpinEstimatorSpec
{
    [Fact]
    public void VpinEstimator_must_not_bucket_trades_before_a_bucket_size_is_known()
    {
        var vpin = new VpinEstimator(buckets: 4);
        vpin.OnTrade(5, buy: true);
        Assert.Equal((0, 0.0), (vpin.Count, vpin.Value));

        vpin.SetBucketSize(2);
        vpin.OnTrade(2, buy: false);

        // Had the 5 bought been kept, this bucket would hold them: it holds only the 2 sold, |0 - 2| / 2 = 1.
        Assert.Equal((1, 1.0), (vpin.Count, vpin.Value));
    }

    [Fact]
    public void VpinEstimator_must_split_a_trade_that_spans_two_buckets()
    {
        var vpin = new VpinEstimator(buckets: 4);
        vpin.SetBucketSize(4);
        vpin.OnTrade(3, buy: true);
        vpin.OnTrade(3, buy: false); // 1 closes bucket 1 (buy 3, sell 1: |2| / 4 = 0.5), 2 open bucket 2
        Assert.Equal((1, 0.5), (vpin.Count, vpin.Value));

        vpin.OnTrade(2, buy: true);  // bucket 2: buy 2, sell 2 -> 0

        Assert.Equal((2, 0.25), (vpin.Count, vpin.Value)); // (0.5 + 0) / 2
    }

    [Fact]
    public void VpinEstimator_must_apply_a_new_size_from_the_next_bucket_only()
    {
        var vpin = new VpinEstimator(buckets: 4);
        vpin.SetBucketSize(4);
        vpin.OnTrade(1, buy: true);
        vpin.SetBucketSize(2);
        vpin.OnTrade(3, buy: false); // the open bucket keeps size 4: buy 1, sell 3 -> |-2| / 4 = 0.5
        Assert.Equal((1, 0.5), (vpin.Count, vpin.Value));

        vpin.OnTrade(2, buy: true);  // the next bucket opened at size 2: buy 2 -> 1

        Assert.Equal((2, 0.75), (vpin.Count, vpin.Value));
    }

    [Fact]
    public void VpinEstimator_must_fill_every_held_bucket_and_keep_the_remainder_of_a_trade_many_buckets_long()
    {
        var vpin = new VpinEstimator(buckets: 3);
        vpin.SetBucketSize(1);
        vpin.OnTrade(0.25, buy: true);
        // Sell 5.5: 0.75 closes bucket 1 (buy 0.25, sell 0.75 -> 0.5); four one-sided buckets of 1 follow; 0.75 stays
        // in the open bucket. The last three buckets are held: 1, 1, 1.
        vpin.OnTrade(5.5, buy: false);
        Assert.Equal((3, 1.0), (vpin.Count, vpin.Value));

        vpin.OnTrade(0.25, buy: true); // closes the open bucket: sell 0.75, buy 0.25 -> 0.5

        Assert.Equal(3, vpin.Count);
        Assert.Equal(2.5 / 3, vpin.Value, 12); // 1, 1, 0.5
    }

    [Fact]
    public void VpinEstimator_must_close_a_bucket_a_trade_fills_even_when_the_filled_sum_rounds_below_the_size()
    {
        // With these doubles, b + (S - b) rounds to just below S: a bucket filled exactly must still close.
        const double size = 7.0171563313422523, bought = 2.1907311159346432;
        Assert.True(bought + (size - bought) < size);
        var vpin = new VpinEstimator(buckets: 50);
        vpin.SetBucketSize(size);
        vpin.OnTrade(bought, buy: true);

        vpin.OnTrade(20, buy: false);

        // 20 sold: S - b = 4.8264 closes bucket 1 (|b - (S - b)| / S = 0.3756), two one-sided buckets take 2S = 14.0343,
        // and 1.1393 stays open.
        Assert.Equal(3, vpin.Count);
        Assert.Equal((Math.Abs(bought - (size - bought)) / size + 2) / 3, vpin.Value, 9);
    }

    /// <summary>
    /// Integer sizes and quantities (exact in doubles) against a reference that buckets one unit at a time: the
    /// estimator must agree on the buckets it holds, and its value stays in [0, 1].
    /// </summary>
    [Property(MaxTest = 300)]
    public Property VpinEstimator_must_agree_with_unit_by_unit_bucketing_and_stay_within_0_and_1() =>
        Prop.ForAll(Inputs(), input =>
        {
            var (buckets, steps) = input;
            var vpin = new VpinEstimator(buckets);
            var reference = new UnitBuckets(buckets);
            foreach (var (size, quantity, buy) in steps)
            {
                if (size > 0)
                {
                    vpin.SetBucketSize(size);
                    reference.Target = size;
                }
                vpin.OnTrade(quantity, buy);
                reference.OnTrade(quantity, buy);

                Assert.Equal(reference.Held.Count, vpin.Count);
                Assert.Equal(reference.Value, vpin.Value, 12);
                Assert.InRange(vpin.Value, 0, 1);
            }
        });

    private static Arbitrary<(int, (int Size, int Quantity, bool Buy)[])> Inputs() => Arb.From(
        from buckets in Gen.Choose(1, 6)
        from count in Gen.Choose(1, 40)
        from steps in Gen.ArrayOf(
            from size in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 5)))
            from quantity in Gen.Frequency((4, Gen.Choose(0, 6)), (1, Gen.Choose(7, 60)))
            from buy in Gen.Elements(true, false)
            select (size, quantity, buy), count)
        select (buckets, steps));

    /// <summary>The definition, slowly: each unit of volume goes into the open bucket, which opens at the current target.</summary>
    private sealed class UnitBuckets(int buckets)
    {
        private int _size, _buy, _sell;

        public int Target { get; set; }

        public List<double> Held { get; } = [];

        public double Value => Held.Count == 0 ? 0 : Held.Average();

        public void OnTrade(int quantity, bool buy)
        {
            for (var unit = 0; unit < quantity; unit++)
            {
                if (_size == 0)
                {
                    if (Target == 0) return;
                    _size = Target;
                }
                if (buy) _buy++;
                else _sell++;
                if (_buy + _sell < _size) continue;
                Held.Add(Math.Abs(_buy - _sell) / (double)_size);
                if (Held.Count > buckets) Held.RemoveAt(0);
                (_size, _buy, _sell) = (0, 0, 0);
            }
        }
    }
}
