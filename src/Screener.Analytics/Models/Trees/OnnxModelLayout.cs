namespace Screener.Analytics.Models.Trees;

/// <summary>
/// The names a screener model file uses: its one input, and the metadata entries (all under
/// <see cref="ReservedPrefix"/>) that say how its trees are evaluated and which heads it has. The exporter writes them
/// and <see cref="OnnxTreeModelReader"/> and the online predictor read them.
/// </summary>
public static class OnnxModelLayout
{
    /// <summary>The input: float [N, F], one row of feature values per snapshot, in feature-spec order.</summary>
    public const string InputName = "features";

    public const string ReservedPrefix = "screener.export.";

    /// <summary>The metadata entry naming the <see cref="TreeScorePrecision"/> (<c>float</c> or <c>double</c>).</summary>
    public const string PrecisionKey = ReservedPrefix + "precision";

    /// <summary>The metadata entry listing the heads as JSON: name, kind and, for a classifier, its Platt parameters.</summary>
    public const string HeadsKey = ReservedPrefix + "heads";
}
