using System.Collections.Immutable;
using Screener.Offline.Export;

namespace Screener.Offline.Tests.Export;

/// <summary>Small trees built by hand, so the writer is checked on shapes training may not produce.</summary>
internal static class HandBuiltTrees
{
    /// <summary>
    /// A chain on feature 0: split k sends <c>x &lt;= k</c> to leaf k and the rest down the chain, so <c>x0 = k - 0.5</c>
    /// lands in leaf k and leaf k scores <paramref name="values"/>[k] (the last leaf takes everything above the last split).
    /// </summary>
    public static DecisionTree Staircase(IReadOnlyList<double> values)
    {
        var splits = values.Count - 1;
        return new DecisionTree(
            [.. Enumerable.Range(0, splits).Select(k => ~k)],
            [.. Enumerable.Range(0, splits).Select(k => k + 1 < splits ? k + 1 : ~(k + 1))],
            [.. Enumerable.Repeat(0, splits)],
            [.. Enumerable.Range(0, splits).Select(k => (float)k)],
            [.. Enumerable.Repeat(false, splits)],
            [.. values]);
    }

    /// <summary>
    /// Root on feature 1 at 0.5 (NaN goes left), its right child on feature 2 at -1 (NaN goes right), a left leaf -1.25 and
    /// right leaves 0.75 / 2.5: both missing directions, and BRANCH_LEQ at an exact threshold.
    /// </summary>
    public static DecisionTree TwoSplits() => new(
        [~0, ~1],
        [1, ~2],
        [1, 2],
        [0.5f, -1f],
        [true, false],
        [-1.25, 0.75, 2.5]);

    /// <summary>Rows probing <see cref="TwoSplits"/>: on, below and above both thresholds, NaN in each split feature.</summary>
    public static float[][] TwoSplitsProbes() =>
    [
        [0, 0.5f, 0], [0, 0.4999f, 0], [0, 0.5001f, -1], [0, 0.5001f, -0.999f], [0, 2, -1.001f],
        [0, float.NaN, 5], [0, 1, float.NaN], [0, float.NaN, float.NaN], [0, float.PositiveInfinity, 0], [0, float.NegativeInfinity, 0],
    ];

    public static TreeHead Regressor(string name, params DecisionTree[] trees) =>
        new(name, TreeHeadKind.Regressor, [.. trees], null);

    public static TreeHead Classifier(string name, PlattCalibration platt, params DecisionTree[] trees) =>
        new(name, TreeHeadKind.BinaryClassifier, ImmutableArray.Create(trees), platt);
}
