using System.Collections.Immutable;

namespace Screener.Analytics.Models.Trees;

/// <summary>
/// A model file written by the exporter (<c>Screener.Offline.Export.OnnxModelWriter</c>), read back by <see cref="OnnxTreeModelReader"/>: the heads as
/// the file's tree nodes define them (what ONNX Runtime evaluates), the input width, the precision, every metadata
/// entry, and the node covers when the file has them. Attribution code walks <see cref="Heads"/> with <see cref="Covers"/>.
/// </summary>
public sealed record OnnxTreeModel(
    int FeatureCount,
    TreeScorePrecision Precision,
    ImmutableArray<TreeHead> Heads,
    ImmutableDictionary<string, string> Metadata,
    NodeCovers? Covers)
{
    /// <summary>The head named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such head.</exception>
    public TreeHead Head(string name) =>
        Heads.FirstOrDefault(h => h.Name == name) ?? throw new KeyNotFoundException($"The model has no head '{name}' (heads: {string.Join(", ", Heads.Select(h => h.Name))}).");
}
