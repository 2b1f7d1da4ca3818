namespace Screener.Analytics.Features;

/// <summary>
/// A fixed-capacity ring buffer of the last N values with running sum and sum of squares, so window statistics
/// cost O(1) per push. Values are pushed once per cadence interval.
/// </summary>
public sealed class RollingWindow
{
    private readonly double[] _values;
    private int _next;
    private double _sum;
    private double _sumOfSquares;

    public RollingWindow(int capacity)
    {
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), "A window holds at least one value.");
        _values = new double[capacity];
    }

    public int Capacity => _values.Length;

    public int Count { get; private set; }

    public bool IsFull => Count == _values.Length;

    public double Sum => _sum;

    public void Push(double value)
    {
        if (IsFull)
        {
            var evicted = _values[_next];
            _sum -= evicted;
            _sumOfSquares -= evicted * evicted;
        }
        else
        {
            Count++;
        }
        _values[_next] = value;
        _sum += value;
        _sumOfSquares += value * value;
        _next = (_next + 1) % _values.Length;
    }

    /// <summary>Population standard deviation of the values in the window; 0 with fewer than two values.</summary>
    public double StandardDeviation()
    {
        if (Count < 2) return 0;
        var mean = _sum / Count;
        var variance = _sumOfSquares / Count - mean * mean;
        return variance > 0 ? Math.Sqrt(variance) : 0;
    }
}
