using System.Runtime.InteropServices;

namespace Screener.Offline.Validate;

/// <summary>
/// Evaluates a screener's selection offline: in each group (a tick, say) the K rows with the highest scores are
/// selected, as a board would show them, and the result says how many of those were right and what they realized.
/// </summary>
public static class TopK
{
    /// <summary>
    /// Per group, the <paramref name="k"/> highest-scoring rows (all of them when the group has fewer), equal scores
    /// ordered by <paramref name="tieBreak"/> ascending, ordinal (the ranker's rule: score, then symbol); then
    /// counts, precision@K and the realized values over the selected rows. The input is read once, in any order
    /// (groups need not be contiguous), and the result does not depend on that order. O(n log n).
    /// </summary>
    /// <param name="group">The group a row competes in, e.g. its tick time.</param>
    /// <param name="tieBreak">A key naming the row within its group, e.g. the symbol; unique per group.</param>
    /// <param name="label">Whether the row is a positive (e.g. in play).</param>
    /// <param name="value">The row's realized value (e.g. net edge, bps).</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="k"/> is below 1.</exception>
    /// <exception cref="ArgumentException">
    /// A score or value is NaN, a key is null, or two rows of one group share a key (the order would be undefined).
    /// </exception>
    public static TopKResult Evaluate<T>(IEnumerable<T> rows, Func<T, long> group, Func<T, double> score,
        Func<T, string> tieBreak, Func<T, bool> label, Func<T, double> value, int k)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(tieBreak);
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);

        var entries = new List<Entry>(rows.TryGetNonEnumeratedCount(out var count) ? count : 0);
        foreach (var row in rows)
        {
            var entry = new Entry(group(row), score(row), tieBreak(row), label(row), value(row));
            if (entry.Key is null) throw new ArgumentException($"Row {entries.Count} (group {entry.Group}) has a null key.", nameof(tieBreak));
            if (double.IsNaN(entry.Score)) throw new ArgumentException($"Row {entries.Count} ({entry}) has a NaN score.", nameof(score));
            if (double.IsNaN(entry.Value)) throw new ArgumentException($"Row {entries.Count} ({entry}) has a NaN value.", nameof(value));
            entries.Add(entry);
        }
        var ordered = CollectionsMarshal.AsSpan(entries);
        ordered.Sort(new EntryOrder());

        int groups = 0, shortGroups = 0, selected = 0, selectedPositives = 0, positives = 0;
        double selectedValueSum = 0, valueSum = 0;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Length;)
        {
            var current = ordered[i].Group;
            groups++;
            keys.Clear();
            var rank = 0;
            for (; i < ordered.Length && ordered[i].Group == current; i++, rank++)
            {
                var entry = ordered[i];
                if (!keys.Add(entry.Key))
                    throw new ArgumentException($"Group {current} has two rows keyed '{entry.Key}'; a key must name one row in its group.", nameof(tieBreak));
                valueSum += entry.Value;
                if (entry.Label) positives++;
                if (rank >= k) continue;
                selected++;
                selectedValueSum += entry.Value;
                if (entry.Label) selectedPositives++;
            }
            if (rank < k) shortGroups++;
        }
        return new TopKResult(k, ordered.Length, groups, shortGroups, selected, selectedPositives, positives, selectedValueSum, valueSum);
    }

    private readonly record struct Entry(long Group, double Score, string Key, bool Label, double Value);

    /// <summary>Group ascending, then score descending, then key ascending (ordinal).</summary>
    private readonly struct EntryOrder : IComparer<Entry>
    {
        public int Compare(Entry a, Entry b)
        {
            var c = a.Group.CompareTo(b.Group);
            if (c != 0) return c;
            c = b.Score.CompareTo(a.Score);
            return c != 0 ? c : string.CompareOrdinal(a.Key, b.Key);
        }
    }
}
