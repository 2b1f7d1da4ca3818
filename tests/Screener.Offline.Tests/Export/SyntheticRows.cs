namespace Screener.Offline.Tests.Export;

/// <summary>
/// A seeded synthetic dataset with a learnable rule. Features: normal, uniform, and features on a 0.25 grid (many ties).
/// The label is a noisy logistic rule of features 0-4, the target a noisy smooth function of features 0 and 5-7. Training rows: 5% carry one NaN among the informative features, so LightGBM learns a
/// direction for missing values (FastTree skips those rows, as it skips any row with a NaN).
/// </summary>
public static class SyntheticRows
{
    public const int FeatureCount = 20;

    public static SyntheticRow[] Create(int count, int seed, double nanRowShare)
    {
        var random = new Random(seed);
        var rows = new SyntheticRow[count];
        for (var r = 0; r < count; r++)
        {
            var x = new float[FeatureCount];
            for (var j = 0; j < FeatureCount; j++)
            {
                x[j] = (j % 3) switch
                {
                    0 => (float)Normal(random),
                    1 => (float)(random.NextDouble() * 4 - 2),
                    _ => MathF.Round((float)Normal(random) * 4) / 4,
                };
            }

            var logit = 1.5 * x[0] - x[1] + 0.8 * x[2] * x[3] + (x[4] > 0.5 ? 1 : -0.5) + 0.5 * Normal(random);
            var target = 2 * x[0] + Math.Sin(2 * x[5]) + x[6] * x[7] + 0.3 * Normal(random);
            if (random.NextDouble() < nanRowShare)
                x[random.Next(8)] = float.NaN;
            rows[r] = new SyntheticRow { Features = x, Label = logit > 0, Target = (float)target };
        }

        return rows;
    }

    /// <summary>The rows' features, row-major: the ONNX input layout.</summary>
    public static float[] Flatten(IReadOnlyList<float[]> rows)
    {
        var flat = new float[rows.Count * FeatureCount];
        for (var r = 0; r < rows.Count; r++)
            rows[r].CopyTo(flat, r * FeatureCount);
        return flat;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
