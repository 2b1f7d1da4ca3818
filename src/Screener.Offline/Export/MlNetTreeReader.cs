using System.Collections.Immutable;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Screener.Offline.Export;

/// <summary>
/// Reads a trained ML.NET boosted-tree model into a <see cref="TreeHead"/>: its trees (splits, float thresholds,
/// children, leaf values, where missing values go) and, for a binary classifier, its Platt slope and offset. Supported:
/// FastTree and LightGBM binary classifiers (Platt-calibrated, as their trainers produce them) and regressors, trained
/// in this process or loaded with <c>MLContext.Model.Load</c>. Other tree models score differently (FastForest averages
/// its trees, Tweedie exponentiates) and are refused, as are categorical splits.
/// </summary>
public static class MlNetTreeReader
{
    private static readonly Type[] Regressors = [typeof(FastTreeRegressionModelParameters), typeof(LightGbmRegressionModelParameters)];
    private static readonly Type[] Classifiers = [typeof(FastTreeBinaryModelParameters), typeof(LightGbmBinaryModelParameters)];

    /// <summary>The head in <paramref name="model"/>: a prediction transformer, or a chain whose last transformer is one.</summary>
    /// <exception cref="NotSupportedException">Not a supported tree model, not Platt-calibrated, or a tree has a categorical split.</exception>
    public static TreeHead Read(string name, ITransformer model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var last = model is IEnumerable<ITransformer> chain ? chain.LastOrDefault() : model;
        if (last is not ISingleFeaturePredictionTransformer<object> predictor)
            throw new NotSupportedException($"Head '{name}': expected a prediction transformer (or a chain ending in one), got {last?.GetType().Name ?? "an empty chain"}.");
        return ReadParameters(name, predictor.Model);
    }

    /// <summary>The head in a model's parameters (<c>PredictionTransformer.Model</c>).</summary>
    /// <exception cref="NotSupportedException">Not a supported tree model, not Platt-calibrated, or a tree has a categorical split.</exception>
    public static TreeHead ReadParameters(string name, object modelParameters)
    {
        ArgumentNullException.ThrowIfNull(modelParameters);
        if (modelParameters is CalibratedModelParametersBase calibrated)
        {
            var sub = Supported(name, calibrated.SubModel, Classifiers);
            if (calibrated.Calibrator is not PlattCalibrator platt)
                throw new NotSupportedException($"Head '{name}': only Platt calibration exports; got {calibrated.Calibrator?.GetType().Name ?? "none"}.");
            return new TreeHead(name, TreeHeadKind.BinaryClassifier, Trees(name, sub), new PlattCalibration(platt.Slope, platt.Offset));
        }

        return new TreeHead(name, TreeHeadKind.Regressor, Trees(name, Supported(name, modelParameters, Regressors)), null);
    }

    private static TreeEnsembleModelParametersBasedOnRegressionTree Supported(string name, object parameters, Type[] supported)
    {
        if (Array.IndexOf(supported, parameters.GetType()) < 0 || parameters is not TreeEnsembleModelParametersBasedOnRegressionTree trees)
            throw new NotSupportedException(
                $"Head '{name}': {parameters.GetType().Name} does not export; supported: {string.Join(", ", supported.Select(t => t.Name))}" +
                (supported == Classifiers ? " (Platt-calibrated)." : "."));
        return trees;
    }

    private static ImmutableArray<DecisionTree> Trees(string name, TreeEnsembleModelParametersBasedOnRegressionTree parameters)
    {
        var trees = parameters.TrainedTreeEnsemble.Trees;
        var result = ImmutableArray.CreateBuilder<DecisionTree>(trees.Count);
        for (var t = 0; t < trees.Count; t++)
            result.Add(Tree(name, t, trees[t]));
        return result.MoveToImmutable();
    }

    private static DecisionTree Tree(string name, int index, RegressionTree tree)
    {
        var splits = tree.NumberOfNodes;
        if (splits == 0)
            return DecisionTree.Stump;
        for (var k = 0; k < splits; k++)
        {
            if (tree.CategoricalSplitFlags[k])
                throw new NotSupportedException($"Head '{name}', tree {index}, node {k} splits on a categorical feature; only numerical splits export (ONNX would need BRANCH_EQ chains or BRANCH_MEMBER).");
        }

        var defaults = MlNetInternals.DefaultValueForMissing(tree);
        var thresholds = tree.NumericalSplitThresholds.Take(splits).ToImmutableArray();
        var missingLeft = ImmutableArray.CreateBuilder<bool>(splits);
        for (var k = 0; k < splits; k++)
            missingLeft.Add(defaults is not null && defaults[k] <= thresholds[k]); // ML.NET: NaN -> default, then default <= threshold
        return new DecisionTree(
            tree.LeftChild.Take(splits).ToImmutableArray(),
            tree.RightChild.Take(splits).ToImmutableArray(),
            tree.NumericalSplitFeatureIndexes.Take(splits).ToImmutableArray(),
            thresholds,
            missingLeft.MoveToImmutable(),
            tree.LeafValues.Take(tree.NumberOfLeaves).ToImmutableArray());
    }
}
