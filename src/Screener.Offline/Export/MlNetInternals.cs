using System.Reflection;
using Microsoft.ML.Trainers.FastTree;

namespace Screener.Offline.Export;

/// <summary>
/// The one place that reads ML.NET state its public API does not expose. ML.NET routes a missing value in a
/// LightGBM-trained tree by <c>InternalRegressionTree.DefaultValueForMissing</c> (a float per split node, or null when
/// there are none), and <see cref="RegressionTreeBase"/> only wraps that internal tree in its private <c>_tree</c> field.
/// Without those defaults every NaN would go right, which is wrong for LightGBM. Checked against Microsoft.ML.FastTree
/// 5.0.1; if a later ML.NET renames either member, export fails here with the names it looked for rather than
/// producing a model that disagrees with ML.NET on missing values.
/// </summary>
internal static class MlNetInternals
{
    private const string TreeFieldName = "_tree";
    private const string DefaultsFieldName = "DefaultValueForMissing";

    private static readonly Lazy<(FieldInfo Tree, FieldInfo Defaults)> Fields = new(Find);

    /// <summary>The tree's per-split-node default for missing values, or null when ML.NET has none (FastTree, or all zeros).</summary>
    /// <exception cref="InvalidOperationException">This ML.NET no longer has the members the exporter reads.</exception>
    public static float[]? DefaultValueForMissing(RegressionTreeBase tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var (treeField, defaultsField) = Fields.Value;
        var inner = treeField.GetValue(tree)
            ?? throw Changed($"{nameof(RegressionTreeBase)}.{TreeFieldName} is null");
        return (float[]?)defaultsField.GetValue(inner);
    }

    private static (FieldInfo, FieldInfo) Find()
    {
        var treeField = typeof(RegressionTreeBase).GetField(TreeFieldName, BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw Changed($"no private field {nameof(RegressionTreeBase)}.{TreeFieldName}");
        var defaultsField = treeField.FieldType.GetField(DefaultsFieldName, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        if (defaultsField is null || defaultsField.FieldType != typeof(float[]))
            throw Changed($"no float[] field {treeField.FieldType.Name}.{DefaultsFieldName}");
        return (treeField, defaultsField);
    }

    private static InvalidOperationException Changed(string what) =>
        new($"ML.NET's internals changed ({what}; Microsoft.ML.FastTree {typeof(RegressionTreeBase).Assembly.GetName().Version}). " +
            "The exporter reads InternalRegressionTree.DefaultValueForMissing through RegressionTreeBase._tree to route missing values " +
            "as ML.NET does; update MlNetInternals for this ML.NET version before exporting.");
}
