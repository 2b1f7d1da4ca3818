using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Screener.Analytics.Calibration;

namespace Screener.Analytics.Tests.Calibration;

/// <summary>What must hold for any rows, not just the hand-worked ones in <see cref="IsotonicCalibratorSpec"/>.</summary>
public sealed class IsotonicCalibratorInvariantsSpec
{
    [Property(MaxTest = 500)]
    public Property IsotonicCalibrator_must_give_increasing_breakpoints_and_a_monotone_map_into_0_1() =>
        Prop.ForAll(CalibrationRows.Arbitrary(), Arb.From(Gen.Choose(0, 20)), (rows, epsilonPercent) =>
        {
            var epsilon = epsilonPercent / 100.0;
            var fit = IsotonicCalibrator.Fit(rows.Scores, rows.Labels, rows.Weights, epsilon);

            for (var i = 1; i < fit.X.Length; i++)
            {
                Assert.True(fit.X[i] > fit.X[i - 1]);
                Assert.True(fit.Y[i] >= fit.Y[i - 1]);
            }
            Assert.All(fit.Y.ToArray(), y => Assert.InRange(y, epsilon, 1 - epsilon));

            // Probes on a finer grid than the scores, beyond both ends: the map never goes down.
            var previous = double.NegativeInfinity;
            for (var probe = -6.0; probe <= 6.0; probe += 1.0 / 64)
            {
                var p = fit.Apply(probe);
                Assert.InRange(p, 0, 1);
                Assert.True(p >= previous, $"Apply({probe}) = {p} below {previous}");
                previous = p;
            }
        });

    /// <summary>
    /// An independent characterisation of the isotonic fit: over the distinct scores g₁ &lt; … &lt; gₘ, the value at
    /// gⱼ is max over i ≤ j of min over k ≥ j of the weighted mean label of gᵢ..gₖ (Barlow et al., the min-max formula).
    /// </summary>
    [Property(MaxTest = 500)]
    public Property IsotonicCalibrator_must_equal_the_min_max_formula_at_every_training_score() =>
        Prop.ForAll(CalibrationRows.Arbitrary(), rows =>
        {
            var fit = IsotonicCalibrator.Fit(rows.Scores, rows.Labels, rows.Weights);
            var groups = rows.Scores.Select((s, i) => (Score: s, Label: rows.Labels[i], Weight: rows.Weights[i]))
                .Where(r => r.Weight > 0)
                .GroupBy(r => r.Score)
                .OrderBy(g => g.Key)
                .Select(g => (Score: g.Key, Weight: g.Sum(r => r.Weight), Positive: g.Where(r => r.Label).Sum(r => r.Weight)))
                .ToArray();

            for (var j = 0; j < groups.Length; j++)
            {
                var best = double.NegativeInfinity;
                for (var i = 0; i <= j; i++)
                {
                    var worst = double.PositiveInfinity;
                    for (var k = j; k < groups.Length; k++)
                    {
                        var span = groups[i..(k + 1)];
                        worst = Math.Min(worst, span.Sum(g => g.Positive) / span.Sum(g => g.Weight));
                    }
                    best = Math.Max(best, worst);
                }
                Assert.Equal(best, fit.Apply(groups[j].Score), 12);
            }
        });

    [Property(MaxTest = 500)]
    public Property IsotonicCalibrator_must_keep_the_weighted_mean_of_the_labels() =>
        Prop.ForAll(CalibrationRows.Arbitrary(), rows =>
        {
            var fit = IsotonicCalibrator.Fit(rows.Scores, rows.Labels, rows.Weights);
            double fitted = 0, observed = 0;
            for (var i = 0; i < rows.Scores.Length; i++)
            {
                fitted += rows.Weights[i] * fit.Apply(rows.Scores[i]);
                observed += rows.Labels[i] ? rows.Weights[i] : 0;
            }
            Assert.Equal(observed, fitted, 9);
        });

    [Property(MaxTest = 300)]
    public Property IsotonicCalibrator_must_give_the_same_arrays_for_any_row_order() =>
        Prop.ForAll(CalibrationRows.Arbitrary(), Arb.From(Gen.Choose(0, 1000)), (rows, rotation) =>
        {
            var n = rows.Scores.Length;
            var order = Enumerable.Range(0, n).Select(i => (i * 7 + rotation) % n).Reverse().ToArray();
            if (order.Distinct().Count() != n) order = Enumerable.Range(0, n).Reverse().ToArray();

            var a = IsotonicCalibrator.Fit(rows.Scores, rows.Labels, rows.Weights);
            var b = IsotonicCalibrator.Fit(order.Select(i => rows.Scores[i]).ToArray(), order.Select(i => rows.Labels[i]).ToArray(),
                order.Select(i => rows.Weights[i]).ToArray());

            Assert.Equal(a.X.ToArray(), b.X.ToArray());
            Assert.Equal(a.Y.ToArray(), b.Y.ToArray());
        });
}
