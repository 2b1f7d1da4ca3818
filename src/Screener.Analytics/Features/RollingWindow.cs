namespace Screener.Analytics.Features;

/// <summary>
/// A fixed-capacity ring buffer of the last N values, pushed once per cadence interval. Statistics are computed
/// from the values in the window each time they are read, so nothing that has left the window can linger in
/// them as rounding residue (a running sum would report a tiny non-zero total for an all-zero window).
/// </summary>
public sealed class RollingWindow
{
    private readonly double[] _values;
    private int _next;

    public RollingWindow(int capacity)
    {
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), "A window holds at least one value.");
        _values = new double[capacity];
    }

    public int Capacity => _values.Length;

    public int Count { get; private set; }

    public bool IsFull => Count == _values.Length;

    public double Sum
    {
        get
        {
            var sum = 0.0;
            for (var i = 0; i < Count; i++) sum += _values[i];
            return sum;
        }
    }

    public void Push(double value)
    {
        _values[_next] = value;
        _next = (_next + 1) % _values.Length;
        if (!IsFull) Count++;
    }

    /// <summary>Population standard deviation of the values in the window; 0 with fewer than two values.</summary>
    public double StandardDeviation()
    {
        if (Count < 2) return 0;
        var mean = Sum / Count;
        var squares = 0.0;
        for (var i = 0; i < Count; i++) squares += (_values[i] - mean) * (_values[i] - mean);
        return Math.Sqrt(squares / Count);
    }
}
