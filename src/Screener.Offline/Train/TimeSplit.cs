namespace Screener.Offline.Train;

/// <summary>
/// A time-ordered train / validation / test split of training rows across symbols, with a purge gap between
/// consecutive splits so that no label reaches into the next split.
/// </summary>
/// <remarks>
/// Rows are ordered by time (then symbol). The nominal boundaries are at the fractions of the row count; a boundary
/// never separates rows of the same time (they stay in the earlier split). The next split starts at the first row whose
/// time is after the earlier split's last time plus <see cref="Purge"/>; the rows in between are dropped. A label at
/// <c>t</c> reads observations at most at <c>t + horizon</c>, so with <c>Purge ≥ horizon</c> no row's label sees the
/// next split's first time. Dropped rows come out of the later split, so train keeps its fraction and validation and
/// test are short by the gap. The same rows always give the same split.
/// </remarks>
public sealed class TimeSplit
{
    /// <param name="train">Fraction of the rows for training.</param>
    /// <param name="validation">Fraction for validation.</param>
    /// <param name="test">Fraction for test; the three must be positive and sum to 1.</param>
    /// <param name="purge">The gap between splits; at least the longest horizon of the rows' heads.</param>
    public TimeSplit(double train, double validation, double test, TimeSpan purge)
    {
        if (!(train > 0) || !(validation > 0) || !(test > 0) || Math.Abs(train + validation + test - 1) > 1e-9)
            throw new ArgumentException($"Fractions must be positive and sum to 1, were {train} / {validation} / {test}.");
        ArgumentOutOfRangeException.ThrowIfLessThan(purge, TimeSpan.Zero);
        Train = train;
        Validation = validation;
        Test = test;
        Purge = purge;
    }

    /// <summary>60 / 20 / 20 with a purge gap of the longest horizon of <paramref name="heads"/>.</summary>
    public static TimeSplit Default(IReadOnlyList<TrainingHead> heads) => new(0.6, 0.2, 0.2, heads.Max(h => h.Horizon));

    public double Train { get; }
    public double Validation { get; }
    public double Test { get; }
    public TimeSpan Purge { get; }

    /// <summary>Splits <paramref name="set"/>'s rows.</summary>
    /// <exception cref="ArgumentException">The purge gap is shorter than the longest horizon of the set's heads.</exception>
    public TrainingSplits Apply(TrainingSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var longest = set.Heads.Count == 0 ? TimeSpan.Zero : set.Heads.Max(h => h.Horizon);
        if (Purge < longest)
            throw new ArgumentException($"The purge gap {Purge} is shorter than the longest horizon {longest}: labels would reach into the next split.", nameof(set));
        return Apply(set.Rows);
    }

    /// <summary>Splits <paramref name="rows"/> (any order) by time.</summary>
    public TrainingSplits Apply(IReadOnlyList<TrainingRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ordered = rows.Order(RowOrder.Instance).ToArray();
        var n = ordered.Length;
        var purge = Purge.Ticks;

        var trainEnd = EndOfTime(ordered, (int)Math.Round(n * Train));
        var validationStart = StartAfter(ordered, trainEnd, purge);
        var validationEnd = EndOfTime(ordered, Math.Max(validationStart, (int)Math.Round(n * (Train + Validation))));
        var testStart = StartAfter(ordered, validationEnd, purge);

        return new TrainingSplits(
            ordered[..trainEnd],
            ordered[validationStart..validationEnd],
            ordered[testStart..],
            Purged: validationStart - trainEnd + (testStart - validationEnd));
    }

    /// <summary>The end (exclusive) of a split nominally ending at <paramref name="end"/>, moved on past rows of the same time.</summary>
    private static int EndOfTime(TrainingRow[] rows, int end)
    {
        end = Math.Clamp(end, 0, rows.Length);
        while (end > 0 && end < rows.Length && rows[end].Time == rows[end - 1].Time) end++;
        return end;
    }

    /// <summary>The first row after the split ending at <paramref name="end"/> whose time is past its last time plus the purge.</summary>
    private static int StartAfter(TrainingRow[] rows, int end, long purge)
    {
        if (end == 0) return 0;
        var limit = rows[end - 1].Time + purge;
        var start = end;
        while (start < rows.Length && rows[start].Time <= limit) start++;
        return start;
    }

    private sealed class RowOrder : IComparer<TrainingRow>
    {
        public static readonly RowOrder Instance = new();

        public int Compare(TrainingRow? x, TrainingRow? y) =>
            x!.Time != y!.Time ? x.Time.CompareTo(y.Time) : string.CompareOrdinal(x.Symbol, y.Symbol);
    }
}
