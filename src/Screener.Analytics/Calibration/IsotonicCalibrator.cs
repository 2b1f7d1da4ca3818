namespace Screener.Analytics.Calibration;

/// <summary>
/// Isotonic calibration: the non-decreasing map from score to probability that best fits the labels in weighted
/// least squares, fitted by pool-adjacent-violators (PAV) and applied by linear interpolation between breakpoints.
/// <para>
/// Fitting: rows are ordered by score; rows with equal scores are pooled into one block first (so the order of tied
/// rows cannot matter), then adjacent blocks are merged while a block's mean label is not above the mean of the block
/// before it. Merging equal means too leaves block values strictly increasing, so no two blocks share a value.
/// </para>
/// <para>
/// Breakpoints are block boundaries: each block gives the point (lowest score, mean) and, when it spans more than one
/// score, (highest score, mean). The fit therefore reproduces the PAV value at every training score, is flat inside a
/// block and linear between adjacent blocks; below the first and above the last breakpoint it is clamped. Interior
/// points of a flat run (three or more equal values in a row, which only the epsilon clamp can produce) are dropped:
/// they do not change the map. <see cref="X"/> is strictly increasing and <see cref="Y"/> non-decreasing in [0, 1].
/// </para>
/// <para>
/// Epsilon: a block whose rows are all one class has mean 0 or 1, a certainty that a finite sample cannot support and
/// that a log loss punishes without bound. A fit with epsilon ε clamps every value into [ε, 1 − ε]; the clamp is part
/// of <see cref="Y"/> (and so of the stored spec), not of <see cref="Apply"/>.
/// </para>
/// Deterministic: the same rows, in any order, give the same arrays bit for bit (ties are summed in one canonical
/// order: score, then label, then weight).
/// </summary>
public sealed class IsotonicCalibrator : IProbabilityCalibrator
{
    private readonly double[] _x;
    private readonly double[] _y;

    /// <summary>
    /// A calibrator from stored breakpoints (copied): <paramref name="x"/> finite and strictly increasing,
    /// <paramref name="y"/> of the same length, in [0, 1] and non-decreasing.
    /// </summary>
    /// <exception cref="ArgumentException">When the breakpoints break one of those rules; the message says which.</exception>
    public IsotonicCalibrator(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (Problem(x, y) is { } problem) throw new ArgumentException(problem);
        _x = x.ToArray();
        _y = y.ToArray();
    }

    private IsotonicCalibrator(double[] x, double[] y)
    {
        _x = x;
        _y = y;
    }

    public string Kind => CalibratorKinds.Isotonic;

    /// <summary>Breakpoint scores, strictly increasing.</summary>
    public ReadOnlySpan<double> X => _x;

    /// <summary>Probabilities at the breakpoints, non-decreasing, in [0, 1].</summary>
    public ReadOnlySpan<double> Y => _y;

    /// <summary>
    /// Fits by PAV. Labels are 0/1 (<c>true</c> = 1); <paramref name="weights"/> (empty: all 1) must be finite and
    /// non-negative, and rows of weight 0 are left out (they do not become breakpoints).
    /// </summary>
    /// <param name="epsilon">Every fitted value is clamped into [ε, 1 − ε]; 0 ≤ ε &lt; 0.5, 0 for the plain PAV fit.</param>
    /// <exception cref="ArgumentException">
    /// Lengths differ, a score is not finite, a weight is negative or not finite, or no row has a positive weight.
    /// </exception>
    public static IsotonicCalibrator Fit(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> weights = default, double epsilon = 0)
    {
        if (labels.Length != scores.Length) throw new ArgumentException("One label per score is needed.", nameof(labels));
        if (!weights.IsEmpty && weights.Length != scores.Length)
            throw new ArgumentException("Weights must be empty (all 1) or one per score.", nameof(weights));
        if (!(epsilon >= 0 && epsilon < 0.5))
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "Epsilon must be in [0, 0.5).");

        var rows = new Row[scores.Length];
        var count = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var weight = weights.IsEmpty ? 1.0 : weights[i];
            if (!double.IsFinite(scores[i])) throw new ArgumentException($"scores[{i}] = {scores[i]} is not finite.", nameof(scores));
            if (!(weight >= 0 && double.IsFinite(weight)))
                throw new ArgumentException($"weights[{i}] = {weight} is not a finite non-negative weight.", nameof(weights));
            // + 0.0 turns −0 into +0: they compare equal, and either could otherwise become the breakpoint.
            if (weight > 0) rows[count++] = new Row(scores[i] + 0.0, labels[i], weight);
        }
        if (count == 0) throw new ArgumentException("At least one row with a positive weight is needed.", nameof(scores));

        var ordered = rows.AsSpan(0, count);
        ordered.Sort(new RowOrder());

        // Blocks as a stack, bottom to top in score order: total weight, weighted label sum, score range.
        var blockWeight = new double[count];
        var blockPositive = new double[count];
        var blockLow = new double[count];
        var blockHigh = new double[count];
        var top = -1;
        for (var i = 0; i < count;)
        {
            var score = ordered[i].Score;
            double w = 0, wy = 0;
            for (; i < count && ordered[i].Score == score; i++)
            {
                w += ordered[i].Weight;
                if (ordered[i].Label) wy += ordered[i].Weight;
            }
            top++;
            (blockWeight[top], blockPositive[top], blockLow[top], blockHigh[top]) = (w, wy, score, score);
            while (top > 0 && blockPositive[top - 1] / blockWeight[top - 1] >= blockPositive[top] / blockWeight[top])
            {
                blockWeight[top - 1] += blockWeight[top];
                blockPositive[top - 1] += blockPositive[top];
                blockHigh[top - 1] = blockHigh[top];
                top--;
            }
        }

        // Boundary points; a subset's weight sum never exceeds the whole's, so each mean is already in [0, 1].
        var px = new double[2 * (top + 1)];
        var py = new double[px.Length];
        var points = 0;
        for (var b = 0; b <= top; b++)
        {
            var value = Math.Clamp(blockPositive[b] / blockWeight[b], epsilon, 1 - epsilon);
            (px[points], py[points]) = (blockLow[b], value);
            points++;
            if (blockHigh[b] > blockLow[b])
            {
                (px[points], py[points]) = (blockHigh[b], value);
                points++;
            }
        }

        var kept = 0;
        for (var j = 0; j < points; j++)
            if (!InteriorOfFlatRun(py, points, j)) kept++;
        var x = new double[kept];
        var y = new double[kept];
        kept = 0;
        for (var j = 0; j < points; j++)
        {
            if (InteriorOfFlatRun(py, points, j)) continue;
            (x[kept], y[kept]) = (px[j], py[j]);
            kept++;
        }
        return new IsotonicCalibrator(x, y);
    }

    /// <summary>
    /// Linear interpolation between the breakpoints around <paramref name="score"/>, the end value outside them
    /// (infinities included); NaN stays NaN. O(log n), no allocation.
    /// </summary>
    public double Apply(double score)
    {
        if (double.IsNaN(score)) return double.NaN;
        var i = _x.AsSpan().BinarySearch(score);
        if (i >= 0) return _y[i];
        i = ~i;
        if (i == 0) return _y[0];
        if (i == _x.Length) return _y[^1];
        double x0 = _x[i - 1], x1 = _x[i], y0 = _y[i - 1], y1 = _y[i];
        // The clamp keeps rounding from stepping outside the segment, so the map stays monotone across breakpoints.
        return Math.Clamp(y0 + (y1 - y0) * ((score - x0) / (x1 - x0)), y0, y1);
    }

    public CalibratorSpec ToSpec() => new() { Kind = CalibratorKinds.Isotonic, X = [.. _x], Y = [.. _y] };

    private static bool InteriorOfFlatRun(double[] y, int count, int j) =>
        j > 0 && j < count - 1 && y[j - 1] == y[j] && y[j] == y[j + 1];

    /// <summary>What is wrong with these breakpoints, or null when nothing is.</summary>
    internal static string? Problem(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.IsEmpty) return "An isotonic calibrator needs at least one breakpoint (x and y are empty).";
        if (x.Length != y.Length) return $"x has {x.Length} breakpoints but y has {y.Length} values; they must match.";
        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsFinite(x[i])) return $"x[{i}] = {x[i]} is not a finite score.";
            if (i > 0 && !(x[i] > x[i - 1])) return $"x[{i}] = {x[i]} is not above x[{i - 1}] = {x[i - 1]}: breakpoints must be strictly increasing.";
            if (!(y[i] >= 0 && y[i] <= 1)) return $"y[{i}] = {y[i]} is not a probability in [0, 1].";
            if (i > 0 && y[i] < y[i - 1]) return $"y[{i}] = {y[i]} is below y[{i - 1}] = {y[i - 1]}: values must be non-decreasing.";
        }
        return null;
    }

    private readonly record struct Row(double Score, bool Label, double Weight);

    /// <summary>Score, then label, then weight: a total order, so tied rows are always summed in the same order.</summary>
    private readonly struct RowOrder : IComparer<Row>
    {
        public int Compare(Row a, Row b)
        {
            var c = a.Score.CompareTo(b.Score);
            if (c != 0) return c;
            c = a.Label.CompareTo(b.Label);
            return c != 0 ? c : a.Weight.CompareTo(b.Weight);
        }
    }
}
