namespace Screener.Analytics.Features;

/// <summary>
/// Volume-synchronised probability of informed trading: traded quantity is cut into buckets of equal volume, each
/// bucket's order imbalance |buy − sell| / size is kept for the last N buckets, and VPIN is their mean. Trades carry
/// their taker side, so no bulk classification is needed. A bucket's size is fixed when it opens, from
/// <see cref="SetBucketSize"/>; until a size is known, trades are not bucketed.
/// </summary>
public sealed class VpinEstimator
{
    private readonly double[] _imbalances;
    private int _next;
    private int _count;
    private double _sum;
    private double _target;
    private double _size;
    private double _buy;
    private double _sell;

    public VpinEstimator(int buckets)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 1);
        _imbalances = new double[buckets];
    }

    /// <summary>Completed buckets held (at most the bucket count).</summary>
    public int Count => _count;

    /// <summary>Mean imbalance of the held buckets, or 0 before the first completes.</summary>
    public double Value => _count == 0 ? 0 : Math.Clamp(_sum / _count, 0, 1);

    /// <summary>The size the next bucket opens with; zero or less keeps the current one.</summary>
    public void SetBucketSize(double size)
    {
        if (size > 0) _target = size;
    }

    public void OnTrade(double quantity, bool buy)
    {
        if (quantity <= 0) return;
        var remaining = quantity;
        // A trade many buckets long fills every held bucket with the same one-sided imbalance; the loop stops there.
        for (var filled = 0; filled <= _imbalances.Length; filled++)
        {
            if (_size <= 0)
            {
                if (_target <= 0) return;
                _size = _target;
            }

            // Whether the trade fills the bucket is decided on what is left of the trade, not on the bucket's sum
            // after adding it: that sum can round to just below the size, which would strand the rest of the trade.
            var room = Math.Max(0, _size - _buy - _sell);
            if (remaining < room)
            {
                Add(remaining, buy);
                return;
            }

            Add(room, buy);
            remaining -= room;
            Complete();
            if (remaining <= 0) return;
        }

        // Whatever is left of an enormous trade goes, one-sided, into a new bucket opened at the current size;
        // nothing left opens nothing, so the next bucket still takes the size current when its first trade comes.
        var part = remaining % _target;
        if (part <= 0) return;
        _size = _target;
        Add(part, buy);
    }

    private void Add(double quantity, bool buy)
    {
        if (buy) _buy += quantity;
        else _sell += quantity;
    }

    private void Complete()
    {
        var imbalance = Math.Abs(_buy - _sell) / _size;
        if (_count == _imbalances.Length) _sum -= _imbalances[_next];
        else _count++;
        _imbalances[_next] = imbalance;
        _sum += imbalance;
        _next = (_next + 1) % _imbalances.Length;
        _buy = _sell = 0;
        _size = 0;
        // Recomputed now and then so the running sum never drifts from the held values.
        if (_next == 0) _sum = Sum(_imbalances.AsSpan(0, _count));
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values) sum += v;
        return sum;
    }
}
