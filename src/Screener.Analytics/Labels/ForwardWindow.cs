namespace Screener.Analytics.Labels;

/// <summary>
/// Forward-looking windows over time-ordered rows: row <c>i</c>'s window is the rows <c>j</c> with
/// <c>time[i] &lt; time[j] ≤ time[i] + horizon</c>, that is, indices <c>i + 1 .. end[i] − 1</c>. Everything is O(n).
/// </summary>
public static class ForwardWindow
{
    /// <summary>
    /// Writes into <paramref name="ends"/>, for each row, the index one past the last row within its horizon.
    /// <paramref name="times"/> must be strictly increasing.
    /// </summary>
    public static void Ends(ReadOnlySpan<long> times, long horizon, Span<int> ends)
    {
        if (ends.Length != times.Length) throw new ArgumentException("One end per row is needed.", nameof(ends));
        var end = 0;
        for (var i = 0; i < times.Length; i++)
        {
            var limit = times[i] + horizon;
            if (end <= i) end = i + 1;
            while (end < times.Length && times[end] <= limit) end++;
            ends[i] = end;
        }
    }

    /// <summary>
    /// The largest (or, with <paramref name="max"/> false, the smallest) of <paramref name="values"/> over each row's
    /// window <c>i + 1 .. ends[i] − 1</c>, NaN when the window is empty. A monotonic deque of indices: each row enters
    /// and leaves it once, so the pass is O(n) whatever the horizon.
    /// </summary>
    /// <param name="ends">From <see cref="Ends"/>: non-decreasing, each above its own index.</param>
    public static void Extremes(ReadOnlySpan<double> values, ReadOnlySpan<int> ends, bool max, Span<double> result)
    {
        if (ends.Length != values.Length || result.Length != values.Length)
            throw new ArgumentException("Values, ends and results must have one entry per row.");
        // Indices in the deque increase from head to tail and their values strictly improve from tail to head,
        // so the head is the window's extreme; an index leaves at the head once the window has passed it.
        var deque = new int[values.Length];
        int head = 0, tail = 0, next = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (next <= i) next = i + 1;
            for (; next < ends[i]; next++)
            {
                var value = values[next];
                while (tail > head && (max ? values[deque[tail - 1]] <= value : values[deque[tail - 1]] >= value)) tail--;
                deque[tail++] = next;
            }
            while (tail > head && deque[head] <= i) head++;
            result[i] = tail > head ? values[deque[head]] : double.NaN;
        }
    }
}
