namespace Screener.Offline.Validate;

/// <summary>
/// Classification metrics for validating a model on held-out rows: ranking (<see cref="Auc"/>,
/// <see cref="AveragePrecision"/>) and probability quality (<see cref="Brier"/>, <see cref="LogLoss"/>,
/// <see cref="Reliability"/>, <see cref="ExpectedCalibrationError"/>). A label <c>true</c> is the positive class.
/// <para>
/// Degenerate input: lists of different lengths, a NaN score, or a probability outside [0, 1] (NaN included) throw
/// <see cref="ArgumentException"/>, since a metric over corrupt rows would look like a result. A metric that is
/// undefined on the rows given returns NaN rather than throwing, so a report over many heads or splits can show the
/// gap: every metric on no rows, <see cref="Auc"/> when either class is absent, <see cref="AveragePrecision"/> when
/// there is no positive (with only positives it is 1).
/// </para>
/// Every metric is a function of the multiset of rows: the input order never changes the result, tied scores included.
/// </summary>
public static class Metrics
{
    /// <summary>The clip <see cref="LogLoss"/> applies to probabilities: [1e-15, 1 − 1e-15].</summary>
    public const double LogLossClip = 1e-15;

    /// <summary>
    /// ROC AUC, the probability that a random positive scores above a random negative (ties count one half), from
    /// the Mann–Whitney rank statistic: (sum of the positives' ranks − N₊(N₊ + 1)/2) / (N₊ · N₋), tied scores taking
    /// the average of their ranks. O(n log n). Scores may be infinite; NaN when either class is absent.
    /// </summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var (keys, classes, positives) = SortedByScore(scores, labels);
        long n = keys.Length, negatives = n - positives;
        if (positives == 0 || negatives == 0) return double.NaN;

        // Ranks are 1-based; a run of ties over sorted positions i..j−1 shares the rank (i + 1 + j) / 2. The sum is a
        // multiple of one half below n², exact in a double up to n of about 6·10⁷.
        double rankSum = 0;
        for (var i = 0; i < n;)
        {
            var j = i;
            long tiedPositives = 0;
            for (; j < n && keys[j] == keys[i]; j++)
                if (classes[j]) tiedPositives++;
            rankSum += tiedPositives * ((i + 1 + j) / 2.0);
            i = j;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }

    /// <summary>
    /// Average precision, the area under the precision–recall curve as a step sum: Σ (Rₖ − Rₖ₋₁) · Pₖ over the
    /// distinct scores from the highest down, where Pₖ and Rₖ are the precision and recall of predicting positive
    /// every row scoring at least the k-th distinct score. Rows with equal scores enter together, as one threshold,
    /// so their order cannot matter. O(n log n). NaN with no positive.
    /// </summary>
    public static double AveragePrecision(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var (keys, classes, positives) = SortedByScore(scores, labels);
        if (positives == 0) return double.NaN;

        long truePositives = 0, selected = 0;
        double sum = 0;
        for (var i = keys.Length - 1; i >= 0;)
        {
            var j = i;
            long tiedPositives = 0;
            for (; j >= 0 && keys[j] == keys[i]; j--)
                if (classes[j]) tiedPositives++;
            selected += i - j;
            truePositives += tiedPositives;
            if (tiedPositives > 0) sum += tiedPositives * ((double)truePositives / selected);
            i = j;
        }
        return sum / positives;
    }

    /// <summary>Brier score: the mean of (p − y)², y = 1 for a positive. NaN on no rows.</summary>
    public static double Brier(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels)
    {
        var n = CheckProbabilities(probabilities, labels);
        double sum = 0;
        for (var i = 0; i < n; i++)
        {
            var error = probabilities[i] - (labels[i] ? 1 : 0);
            sum += error * error;
        }
        return n == 0 ? double.NaN : sum / n;
    }

    /// <summary>
    /// Log loss (cross-entropy) in nats: the mean of −ln p for positives and −ln(1 − p) for negatives, p clipped to
    /// [<see cref="LogLossClip"/>, 1 − <see cref="LogLossClip"/>] so a confident mistake costs about 34.5, not ∞.
    /// NaN on no rows.
    /// </summary>
    public static double LogLoss(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels)
    {
        var n = CheckProbabilities(probabilities, labels);
        double sum = 0;
        for (var i = 0; i < n; i++)
        {
            var p = Math.Clamp(probabilities[i], LogLossClip, 1 - LogLossClip);
            sum -= labels[i] ? Math.Log(p) : Math.Log(1 - p);
        }
        return n == 0 ? double.NaN : sum / n;
    }

    /// <summary>
    /// The reliability diagram: <paramref name="bins"/> equal-width bins over [0, 1], bin b holding the
    /// probabilities in [b/bins, (b + 1)/bins), the last one closed at 1. Every bin is returned, in order, empty ones
    /// with count 0 and NaN means, so diagrams of different models line up.
    /// </summary>
    public static IReadOnlyList<ReliabilityBin> Reliability(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, int bins = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var n = CheckProbabilities(probabilities, labels);
        var count = new int[bins];
        var predicted = new double[bins];
        var observed = new int[bins];
        for (var i = 0; i < n; i++)
        {
            var p = probabilities[i];
            var bin = BinOf(p, bins);
            count[bin]++;
            predicted[bin] += p;
            if (labels[i]) observed[bin]++;
        }

        var result = new ReliabilityBin[bins];
        for (var b = 0; b < bins; b++)
        {
            var empty = count[b] == 0;
            result[b] = new ReliabilityBin(Lower(b, bins), b == bins - 1 ? 1 : Lower(b + 1, bins), count[b],
                empty ? double.NaN : predicted[b] / count[b], empty ? double.NaN : (double)observed[b] / count[b]);
        }
        return result;
    }

    /// <summary>
    /// Expected calibration error over <see cref="Reliability"/>'s bins: Σ count/N · |observed rate − mean
    /// predicted|, empty bins contributing nothing. NaN on no rows.
    /// </summary>
    public static double ExpectedCalibrationError(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, int bins = 10) =>
        ExpectedCalibrationError(Reliability(probabilities, labels, bins));

    /// <summary>The expected calibration error of a reliability diagram already computed.</summary>
    public static double ExpectedCalibrationError(IReadOnlyList<ReliabilityBin> bins)
    {
        long total = 0;
        double sum = 0;
        foreach (var bin in bins)
        {
            if (bin.Count == 0) continue;
            total += bin.Count;
            sum += bin.Count * Math.Abs(bin.ObservedRate - bin.MeanPredicted);
        }
        return total == 0 ? double.NaN : sum / total;
    }

    /// <summary>
    /// The bin of p: the integer part of p · bins, moved by one where rounding disagrees with the bounds the
    /// diagram reports (<see cref="Lower"/>), so a probability equal to a bound always opens that bin.
    /// </summary>
    private static int BinOf(double p, int bins)
    {
        var bin = Math.Min((int)(p * bins), bins - 1);
        if (bin < bins - 1 && p >= Lower(bin + 1, bins)) bin++;
        else if (bin > 0 && p < Lower(bin, bins)) bin--;
        return bin;
    }

    private static double Lower(int bin, int bins) => (double)bin / bins;

    /// <summary>Copies scores and labels into arrays sorted by score (ascending); NaN scores are refused.</summary>
    private static (double[] Keys, bool[] Classes, long Positives) SortedByScore(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var n = CheckLengths(scores, labels);
        var keys = new double[n];
        var classes = new bool[n];
        long positives = 0;
        for (var i = 0; i < n; i++)
        {
            keys[i] = scores[i];
            if (double.IsNaN(keys[i])) throw new ArgumentException($"scores[{i}] is NaN.", nameof(scores));
            classes[i] = labels[i];
            if (classes[i]) positives++;
        }
        // Tied keys may come out in any order: every use groups a run of equal keys before looking at its labels.
        Array.Sort(keys, classes);
        return (keys, classes, positives);
    }

    private static int CheckProbabilities(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels)
    {
        var n = CheckLengths(probabilities, labels);
        for (var i = 0; i < n; i++)
        {
            var p = probabilities[i];
            if (!(p >= 0 && p <= 1)) throw new ArgumentException($"probabilities[{i}] = {p} is not a probability in [0, 1].", nameof(probabilities));
        }
        return n;
    }

    private static int CheckLengths(IReadOnlyList<double> values, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count != values.Count)
            throw new ArgumentException($"{values.Count} values but {labels.Count} labels; one label per value is needed.", nameof(labels));
        return values.Count;
    }
}
