using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Screener.Offline.Validate;

namespace Screener.Offline.Tests.Validate;

/// <summary>
/// What must hold for any rows: the ranking metrics against their definitions written out pair by pair and threshold
/// by threshold, and the symmetries of AUC. Scores are small integers, so ties are common, unless a property needs
/// them distinct.
/// </summary>
public sealed class MetricsInvariantsSpec
{
    private static readonly Arbitrary<(int[] Scores, bool[] Labels)> TiedRows = Arb.From(
        from count in Gen.Choose(0, 40)
        from scores in Gen.ArrayOf(Gen.Choose(-10, 10), count)
        from labels in Gen.ArrayOf(Gen.Elements(true, false), count)
        select (scores, labels));

    /// <summary>Distinct scores: a small integer times 64 plus the row's index (below 64).</summary>
    private static readonly Arbitrary<(int[] Scores, bool[] Labels)> DistinctRows = Arb.From(
        from count in Gen.Choose(0, 60)
        from scores in Gen.ArrayOf(Gen.Choose(-1000, 1000), count)
        from labels in Gen.ArrayOf(Gen.Elements(true, false), count)
        select (scores.Select((s, i) => s * 64 + i).ToArray(), labels));

    [Property(MaxTest = 500)]
    public Property Auc_must_be_the_share_of_positive_negative_pairs_ordered_right_ties_counting_half() =>
        Prop.ForAll(TiedRows, rows =>
        {
            var (scores, labels) = rows;
            var positives = scores.Where((_, i) => labels[i]).ToArray();
            var negatives = scores.Where((_, i) => !labels[i]).ToArray();
            var right = positives.Sum(p => negatives.Sum(n => p > n ? 1.0 : p == n ? 0.5 : 0));
            var expected = positives.Length == 0 || negatives.Length == 0 ? double.NaN : right / (positives.Length * negatives.Length);

            Assert.Equal(expected, Metrics.Auc(Doubles(scores), labels), 12);
        });

    [Property(MaxTest = 500)]
    public Property Auc_must_be_one_minus_the_Auc_of_the_negated_scores() =>
        Prop.ForAll(DistinctRows, rows =>
        {
            var (scores, labels) = rows;
            var auc = Metrics.Auc(Doubles(scores), labels);
            var negated = Metrics.Auc(scores.Select(s => -(double)s).ToArray(), labels);

            if (double.IsNaN(auc)) Assert.True(double.IsNaN(negated));
            else Assert.Equal(1 - auc, negated, 12);
        });

    [Property(MaxTest = 500)]
    public Property Auc_must_not_change_under_a_strictly_increasing_transform_of_the_scores() =>
        Prop.ForAll(TiedRows, rows =>
        {
            var (scores, labels) = rows;
            var auc = Metrics.Auc(Doubles(scores), labels);
            Func<double, double>[] transforms = [s => 3 * s + 7, s => Math.Exp(s / 4), s => s * s * s, s => Math.Atan(s / 3), s => 1 / (1 + Math.Exp(-s))];

            // Equal scores stay equal and the order is kept, so the ranks, and the arithmetic on them, are the same.
            foreach (var transform in transforms)
                Assert.Equal(auc, Metrics.Auc(scores.Select(s => transform(s)).ToArray(), labels));
        });

    [Property(MaxTest = 500)]
    public Property AveragePrecision_must_equal_its_definition_over_distinct_thresholds() =>
        Prop.ForAll(TiedRows, rows =>
        {
            var (scores, labels) = rows;
            var total = labels.Count(l => l);
            double expected = total == 0 ? double.NaN : 0, recall = 0;
            if (total > 0)
            {
                foreach (var threshold in scores.Distinct().OrderDescending())
                {
                    var chosen = Enumerable.Range(0, scores.Length).Where(i => scores[i] >= threshold).ToArray();
                    var hits = chosen.Count(i => labels[i]);
                    var nextRecall = (double)hits / total;
                    expected += (nextRecall - recall) * hits / chosen.Length;
                    recall = nextRecall;
                }
            }

            Assert.Equal(expected, Metrics.AveragePrecision(Doubles(scores), labels), 12);
        });

    [Property(MaxTest = 300)]
    public Property TopK_must_equal_sorting_each_group_and_taking_the_first_K() =>
        Prop.ForAll(
            Arb.From(
                from count in Gen.Choose(0, 50)
                from rows in Gen.ArrayOf(
                    from tick in Gen.Choose(0, 5)
                    from symbol in Gen.Choose(0, 7)
                    from score in Gen.Choose(0, 4)
                    from inPlay in Gen.Elements(true, false)
                    from edge in Gen.Choose(-20, 20)
                    select new ScoredRow(tick, $"S{symbol}", score, inPlay, edge), count)
                select rows.DistinctBy(r => (r.Tick, r.Symbol)).ToArray()),
            Arb.From(Gen.Choose(1, 4)),
            (rows, k) =>
            {
                var selected = rows.GroupBy(r => r.Tick)
                    .SelectMany(g => g.OrderByDescending(r => r.Score).ThenBy(r => r.Symbol, StringComparer.Ordinal).Take(k))
                    .ToArray();

                var result = TopK.Evaluate(rows, r => r.Tick, r => r.Score, r => r.Symbol, r => r.InPlay, r => r.NetEdgeBps, k);

                Assert.Equal(selected.Length, result.Selected);
                Assert.Equal(selected.Count(r => r.InPlay), result.SelectedPositives);
                Assert.Equal(selected.Sum(r => r.NetEdgeBps), result.SelectedValueSum);
                Assert.Equal(rows.Select(r => r.Tick).Distinct().Count(), result.Groups);
                Assert.Equal(rows.GroupBy(r => r.Tick).Count(g => g.Count() < k), result.ShortGroups);
                Assert.Equal(rows.Length, result.Rows);
            });

    private static double[] Doubles(int[] scores) => scores.Select(s => (double)s).ToArray();
}
