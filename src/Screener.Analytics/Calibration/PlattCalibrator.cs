namespace Screener.Analytics.Calibration;

/// <summary>
/// Platt scaling: <c>p = 1 / (1 + exp(A · score + B))</c>. A score that rises with the positive class gives A &lt; 0.
/// <para>
/// Fitted as in Lin, Lin and Weng, "A note on Platt's probabilistic outputs for support vector machines" (Machine
/// Learning 68, 2007), Algorithm 1: maximum likelihood against Platt's smoothed targets, (N₊ + 1) / (N₊ + 2) for a
/// positive row and 1 / (N₋ + 2) for a negative one (so separable data still gives finite A and B), by Newton's
/// method on (A, B) with a Hessian regularised by σ = 1e-12 and a backtracking line search (sufficient decrease
/// 1e-4, step halved down to 1e-10). The start is A = 0, B = ln((N₋ + 1) / (N₊ + 1)); it stops when both gradient
/// components are below 1e-5, after 100 iterations, or when the line search can no longer decrease the objective,
/// keeping the best point found. The objective and the probabilities are computed in the forms that cannot
/// overflow, for either sign of <c>A · score + B</c>.
/// </para>
/// </summary>
public sealed class PlattCalibrator : IProbabilityCalibrator
{
    private const int MaxIterations = 100;
    private const double MinStep = 1e-10;
    private const double Sigma = 1e-12;
    private const double GradientTolerance = 1e-5;
    private const double SufficientDecrease = 1e-4;

    /// <exception cref="ArgumentException">When <paramref name="a"/> or <paramref name="b"/> is not finite.</exception>
    public PlattCalibrator(double a, double b)
    {
        if (Problem(a, b) is { } problem) throw new ArgumentException(problem);
        A = a;
        B = b;
    }

    public string Kind => CalibratorKinds.Platt;

    /// <summary>The slope on the score (negative when higher scores mean more positives).</summary>
    public double A { get; }

    /// <summary>The offset.</summary>
    public double B { get; }

    /// <summary><c>1 / (1 + exp(A · score + B))</c> without overflow; NaN stays NaN.</summary>
    public double Apply(double score) => Probability(A * score + B);

    public CalibratorSpec ToSpec() => new() { Kind = CalibratorKinds.Platt, A = A, B = B };

    /// <summary>Fits A and B to (score, label) rows; deterministic, no allocation.</summary>
    /// <exception cref="ArgumentException">Lengths differ, there are no rows, or a score is not finite.</exception>
    public static PlattCalibrator Fit(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        if (labels.Length != scores.Length) throw new ArgumentException("One label per score is needed.", nameof(labels));
        if (scores.IsEmpty) throw new ArgumentException("At least one row is needed.", nameof(scores));
        double positives = 0, negatives = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (!double.IsFinite(scores[i])) throw new ArgumentException($"scores[{i}] = {scores[i]} is not finite.", nameof(scores));
            if (labels[i]) positives++;
            else negatives++;
        }
        var targets = new Targets((positives + 1) / (positives + 2), 1 / (negatives + 2));

        double a = 0, b = Math.Log((negatives + 1) / (positives + 1));
        var objective = Objective(scores, labels, targets, a, b);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            // Gradient g and Hessian H of the negative log-likelihood at (a, b).
            double h11 = Sigma, h22 = Sigma, h21 = 0, g1 = 0, g2 = 0;
            for (var i = 0; i < scores.Length; i++)
            {
                var s = scores[i];
                var (p, q) = ProbabilityAndComplement(s * a + b);
                var d2 = p * q;
                h11 += s * s * d2;
                h22 += d2;
                h21 += s * d2;
                var d1 = targets.Of(labels[i]) - p;
                g1 += s * d1;
                g2 += d1;
            }
            if (Math.Abs(g1) < GradientTolerance && Math.Abs(g2) < GradientTolerance) break;

            var det = h11 * h22 - h21 * h21;
            var da = -(h22 * g1 - h21 * g2) / det;
            var db = -(-h21 * g1 + h11 * g2) / det;
            var descent = g1 * da + g2 * db;

            var step = 1.0;
            for (; step >= MinStep; step /= 2)
            {
                double na = a + step * da, nb = b + step * db;
                var candidate = Objective(scores, labels, targets, na, nb);
                if (candidate < objective + SufficientDecrease * step * descent)
                {
                    (a, b, objective) = (na, nb, candidate);
                    break;
                }
            }
            if (step < MinStep) break;
        }
        return new PlattCalibrator(a, b);
    }

    /// <summary>The negative log-likelihood of the targets at (a, b), in the form that cannot overflow.</summary>
    private static double Objective(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, Targets targets, double a, double b)
    {
        double sum = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var f = scores[i] * a + b;
            var t = targets.Of(labels[i]);
            sum += f >= 0 ? t * f + Math.Log(1 + Math.Exp(-f)) : (t - 1) * f + Math.Log(1 + Math.Exp(f));
        }
        return sum;
    }

    private static double Probability(double f) => ProbabilityAndComplement(f).P;

    /// <summary>p = 1 / (1 + exp(f)) and q = 1 − p, each computed directly, so neither loses precision near 0.</summary>
    private static (double P, double Q) ProbabilityAndComplement(double f)
    {
        if (f >= 0)
        {
            var e = Math.Exp(-f);
            return (e / (1 + e), 1 / (1 + e));
        }
        var g = Math.Exp(f);
        return (1 / (1 + g), g / (1 + g));
    }

    internal static string? Problem(double a, double b) =>
        !double.IsFinite(a) ? $"a = {a} is not finite."
        : !double.IsFinite(b) ? $"b = {b} is not finite."
        : null;

    private readonly record struct Targets(double Positive, double Negative)
    {
        public double Of(bool label) => label ? Positive : Negative;
    }
}
