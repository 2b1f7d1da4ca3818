using Screener.Analytics.Features;
using Screener.Contracts;

namespace Screener.Analytics.Tests.Models;

/// <summary>The model shipped in <c>models/</c>, copied next to the tests, and rows to score with it.</summary>
internal static class ShippedModel
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "ShippedModel");

    /// <summary>A copy of the shipped model in a fresh temporary folder, to alter.</summary>
    public static string Copy()
    {
        var folder = Path.Combine(Path.GetTempPath(), "screener-model-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Folder)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        return folder;
    }

    /// <summary>
    /// Rows that reach many leaves: each feature drawn around a plausible scale, with a share of NaN (not yet known) and
    /// of zeros, seeded.
    /// </summary>
    public static FeatureSnapshot[] Rows(int count, int seed = 7)
    {
        var random = new Random(seed);
        var n = MarketFeatures.Spec.Features.Count;
        var rows = new FeatureSnapshot[count];
        for (var r = 0; r < count; r++)
        {
            var values = new float[n];
            for (var i = 0; i < n; i++)
            {
                var u = random.NextDouble();
                values[i] = u < 0.05 ? float.NaN : u < 0.1 ? 0f : (float)(Math.Exp(random.NextDouble() * 8 - 4) * (random.Next(2) * 2 - 1));
            }
            rows[r] = new FeatureSnapshot($"S{r % 7}USDT", r * TimeSpan.TicksPerSecond, MarketFeatures.Spec.Hash, values, DataQuality.Ok);
        }
        return rows;
    }
}
