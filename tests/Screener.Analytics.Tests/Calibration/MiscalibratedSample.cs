namespace Screener.Analytics.Tests.Calibration;

/// <summary>
/// A seeded sample from a model that is right about the order but overconfident and biased: the true log-odds are
/// z ~ N(0, 1), the label is drawn with P = 1 / (1 + e^−z), and the model reports the score s = 3z + 1 and the
/// probability 1 / (1 + e^−s). The calibration that undoes it is Platt's A = −1/3, B = 1/3.
/// </summary>
internal sealed record MiscalibratedSample(double[] Scores, double[] Reported, bool[] Labels)
{
    public const double TrueA = -1.0 / 3;
    public const double TrueB = 1.0 / 3;

    public static MiscalibratedSample Draw(int count, int seed)
    {
        var random = new Random(seed);
        var scores = new double[count];
        var reported = new double[count];
        var labels = new bool[count];
        for (var i = 0; i < count; i++)
        {
            var z = Normal(random);
            labels[i] = random.NextDouble() < 1 / (1 + Math.Exp(-z));
            scores[i] = 3 * z + 1;
            reported[i] = 1 / (1 + Math.Exp(-scores[i]));
        }
        return new MiscalibratedSample(scores, reported, labels);
    }

    /// <summary>Box–Muller, from two uniforms of the seeded generator.</summary>
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
