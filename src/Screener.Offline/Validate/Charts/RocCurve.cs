namespace Screener.Offline.Validate.Charts;

/// <summary>ROC curves from scores and labels.</summary>
public static class RocCurve
{
    /// <summary>
    /// The ROC curve of <paramref name="scores"/> against <paramref name="labels"/>: the start (0, 0), then one point per
    /// distinct score, highest first, ending at (1, 1). Rows of equal score move the threshold together, so a tie is one
    /// step (a diagonal segment when it holds both classes), never an order-dependent staircase. Rates are exact counts
    /// divided once, so the same rows in any order give the same points.
    /// </summary>
    /// <returns>The points, or none when the labels lack either class (one of the rates would be 0 / 0).</returns>
    /// <exception cref="ArgumentException">The lists differ in length, or a score is NaN or infinite.</exception>
    public static IReadOnlyList<RocPoint> From(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        if (scores.Count != labels.Count)
            throw new ArgumentException($"{scores.Count} scores but {labels.Count} labels: each row needs one of each.", nameof(labels));
        for (var i = 0; i < scores.Count; i++)
            if (!double.IsFinite(scores[i]))
                throw new ArgumentException($"Score {i} is {scores[i]}: scores must be finite.", nameof(scores));

        long positives = 0;
        for (var i = 0; i < labels.Count; i++)
            if (labels[i]) positives++;
        long negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0) return [];

        var order = new int[scores.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) => scores[b].CompareTo(scores[a]));

        var points = new List<RocPoint> { new(0, 0, double.PositiveInfinity) };
        long truePositives = 0, falsePositives = 0;
        for (var i = 0; i < order.Length;)
        {
            var score = scores[order[i]];
            for (; i < order.Length && scores[order[i]] == score; i++)
                if (labels[order[i]]) truePositives++;
                else falsePositives++;
            points.Add(new RocPoint((double)falsePositives / negatives, (double)truePositives / positives, score));
        }
        return points;
    }
}
