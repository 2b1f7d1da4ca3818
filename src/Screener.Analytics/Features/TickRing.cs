namespace Screener.Analytics.Features;

/// <summary>
/// The last N cadence intervals of one symbol, each a fixed row of accumulated fields, with a running sum per field
/// for each of several windows (in ticks). A push adds the new row to every window and takes out the row that left
/// it, so reading a window's sums costs nothing and a push costs windows × fields additions. Rows are stored in
/// one flat array; nothing is allocated after construction.
/// </summary>
/// <remarks>
/// The ring holds one row more than the longest window, so the row that has just left it, one whole window before
/// the latest (<c>Ago(length)</c>: the value at the window's start, as a change over the window needs), is still there.
/// Running sums of doubles keep rounding residue after rows leave (an all-zero window may sum to 1e-17). Callers
/// decide emptiness from an exact field (a count) and never divide by a sum that may be residue.
/// </remarks>
public sealed class TickRing
{
    private readonly int _fields;
    private readonly int[] _lengths;
    private readonly double[] _rows;
    private readonly double[] _sums;
    private readonly int _capacity;
    private long _pushed;

    /// <param name="fields">Values per row.</param>
    /// <param name="windowTicks">Window lengths in ticks, each at least 1; the longest plus one is the capacity.</param>
    public TickRing(int fields, IReadOnlyList<int> windowTicks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fields, 1);
        if (windowTicks.Count == 0) throw new ArgumentException("At least one window is required.", nameof(windowTicks));
        foreach (var w in windowTicks)
            if (w < 1) throw new ArgumentOutOfRangeException(nameof(windowTicks), w, "A window holds at least one tick.");
        _fields = fields;
        _lengths = windowTicks.ToArray();
        _capacity = _lengths.Max() + 1;
        _rows = new double[_capacity * fields];
        _sums = new double[_lengths.Length * fields];
    }

    public int Fields => _fields;

    public int Windows => _lengths.Length;

    public int Capacity => _capacity;

    /// <summary>Rows pushed since construction.</summary>
    public long Pushed => _pushed;

    /// <summary>Length of window <paramref name="window"/> in ticks.</summary>
    public int Length(int window) => _lengths[window];

    /// <summary>Rows window <paramref name="window"/> holds now: its length once filled, fewer before.</summary>
    public int Count(int window) => (int)Math.Min(_pushed, _lengths[window]);

    /// <summary>True once the window holds its full length.</summary>
    public bool IsFull(int window) => _pushed >= _lengths[window];

    /// <summary>Sum of <paramref name="field"/> over the rows window <paramref name="window"/> holds.</summary>
    public double Sum(int window, int field) => _sums[window * _fields + field];

    /// <summary>The sums of every field over window <paramref name="window"/>.</summary>
    public ReadOnlySpan<double> Sums(int window) => _sums.AsSpan(window * _fields, _fields);

    /// <summary>
    /// <paramref name="field"/> of the row pushed <paramref name="ticksAgo"/> pushes before the latest (0 = latest).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">That row is not held (too old, or not pushed yet).</exception>
    public double Ago(int ticksAgo, int field)
    {
        if (ticksAgo < 0 || ticksAgo >= _capacity || ticksAgo >= _pushed)
            throw new ArgumentOutOfRangeException(nameof(ticksAgo), ticksAgo, $"Holds {Math.Min(_pushed, _capacity)} rows.");
        var slot = (int)((_pushed - 1 - ticksAgo) % _capacity);
        return _rows[slot * _fields + field];
    }

    /// <summary>Appends one row (exactly <see cref="Fields"/> values) and moves every window on by one tick.</summary>
    public void Push(ReadOnlySpan<double> row)
    {
        if (row.Length != _fields) throw new ArgumentException($"A row has {_fields} fields, got {row.Length}.", nameof(row));
        for (var w = 0; w < _lengths.Length; w++)
        {
            var sums = _sums.AsSpan(w * _fields, _fields);
            var length = _lengths[w];
            if (_pushed >= length)
            {
                var leaving = _rows.AsSpan((int)((_pushed - length) % _capacity) * _fields, _fields);
                for (var f = 0; f < sums.Length; f++) sums[f] += row[f] - leaving[f];
            }
            else
            {
                for (var f = 0; f < sums.Length; f++) sums[f] += row[f];
            }
        }

        row.CopyTo(_rows.AsSpan((int)(_pushed % _capacity) * _fields, _fields));
        _pushed++;
    }
}
