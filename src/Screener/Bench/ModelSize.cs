using Screener.Analytics.Models;

namespace Screener.Bench;

/// <summary>A model package's size and quality as its manifest records them: the cost side and the benefit side of a size.</summary>
/// <param name="Trees">Trees per classifier and per regressor.</param>
/// <param name="Leaves">Leaves per tree.</param>
/// <param name="Heads">Heads (each a classifier and a regressor).</param>
/// <param name="OnnxBytes">The ONNX file's size.</param>
/// <param name="MeanTestAuc">Mean over the heads of the test split's AUC.</param>
/// <param name="MinTestAuc">The lowest head's test AUC.</param>
public sealed record ModelSize(string ModelVersion, string Algorithm, int Trees, int Leaves, int Heads, long OnnxBytes, double MeanTestAuc, double MinTestAuc)
{
    public static ModelSize Of(ModelManifest manifest, string folder)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var aucs = manifest.TestMetrics.Select(m => m.Auc).ToList();
        return new ModelSize(manifest.ModelVersion, manifest.Trainer.Algorithm, manifest.Trainer.Trees, manifest.Trainer.Leaves, manifest.Heads.Count,
            new FileInfo(Path.Combine(folder, manifest.Model.File)).Length,
            aucs.Count == 0 ? double.NaN : aucs.Average(), aucs.Count == 0 ? double.NaN : aucs.Min());
    }
}
