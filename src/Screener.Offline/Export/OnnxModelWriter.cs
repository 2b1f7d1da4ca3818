using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Screener.Analytics.Models.Trees.Onnx;

namespace Screener.Offline.Export;

/// <summary>
/// Writes tree-ensemble heads as one ONNX model, so one ONNX Runtime <c>Run</c> scores every head. The model has one
/// input, <see cref="InputName"/> (float [N, F]), and per head: a regressor outputs <c>&lt;head&gt;</c> [N, 1]; a binary
/// classifier outputs <c>&lt;head&gt;_score</c> [N, 1] (the raw score) and <c>&lt;head&gt;_probability</c> [N, 1] (Platt).
/// <para>Each head is one legacy <c>ai.onnx.ml</c> <c>TreeEnsembleRegressor</c> (ai.onnx.ml opset 3, ai.onnx 17,
/// ir_version 8; the opset-5 <c>TreeEnsemble</c> op cannot share a model with it). Split node k of a tree has ONNX node
/// id k and leaf l has id <c>SplitCount + l</c>; every split is <c>BRANCH_LEQ</c> with true = ML.NET's left (&lt;=)
/// child, and <c>nodes_missing_value_tracks_true</c> carries where NaN goes. Leaf values are the targets; aggregation
/// SUM, base value 0, no post transform: ML.NET's score.</para>
/// <para>The Platt tail is <c>Mul(-slope) → Add(-offset) → Sigmoid</c> in float on the <see cref="TreeScorePrecision.Float"/>
/// path. On the <see cref="TreeScorePrecision.Double"/> path the input is cast to double once for all heads, thresholds,
/// leaf weights and base values are double tensors, and the tail repeats ML.NET's
/// <c>(float)(1 / (1 + exp(slope * score + offset)))</c> in double, operation for operation (Cast, Mul, Add, Exp, Add,
/// Div, Cast). A double <c>Sigmoid</c> there is not enough: over scores -60..60 it missed ML.NET's float probability by
/// one ulp on 32 of 400 scores, all at tiny probabilities.</para>
/// <para>Metadata: the caller's entries (feature-spec hash, model version, ...) plus the writer's own under
/// <see cref="ReservedPrefix"/>: <see cref="PrecisionKey"/>, <see cref="HeadsKey"/> (names, kinds, outputs, exact Platt
/// parameters) and, when given, <see cref="NodeCovers.MetadataKey"/>. Output is deterministic: the same heads, options
/// and metadata give the same bytes.</para>
/// </summary>
public static class OnnxModelWriter
{
    public const string InputName = OnnxModelLayout.InputName;
    public const string ReservedPrefix = OnnxModelLayout.ReservedPrefix;
    public const string PrecisionKey = OnnxModelLayout.PrecisionKey;
    public const string HeadsKey = OnnxModelLayout.HeadsKey;
    public const long IrVersion = 8;
    public const long OnnxOpset = 17;
    public const long OnnxMlOpset = 3;

    private const string DoubleInput = "features.f64";
    private const string One = "platt.one";

    /// <summary>The model as ONNX bytes.</summary>
    /// <param name="heads">The heads, in output order; names unique.</param>
    /// <param name="featureCount">F, the input's width; every split must read a feature below it.</param>
    /// <param name="precision">Float or bit-exact double evaluation.</param>
    /// <param name="metadata">Entries for <c>metadata_props</c>; keys must not start with <see cref="ReservedPrefix"/>.</param>
    /// <param name="covers">Node covers for every head (and only those), saved as metadata; null to leave them out.</param>
    /// <exception cref="ArgumentException">Empty or clashing heads, a split beyond <paramref name="featureCount"/>, a reserved metadata key, or covers that do not fit.</exception>
    public static byte[] Write(
        IReadOnlyList<TreeHead> heads,
        int featureCount,
        TreeScorePrecision precision,
        IReadOnlyDictionary<string, string>? metadata = null,
        NodeCovers? covers = null) =>
        Build(heads, featureCount, precision, metadata, covers).ToByteArray();

    internal static ModelProto Build(
        IReadOnlyList<TreeHead> heads,
        int featureCount,
        TreeScorePrecision precision,
        IReadOnlyDictionary<string, string>? metadata,
        NodeCovers? covers)
    {
        Validate(heads, featureCount, metadata, covers);
        var isDouble = precision == TreeScorePrecision.Double;
        var graph = new GraphProto
        {
            Name = "screener_tree_heads",
            DocString = $"{heads.Count} tree-ensemble head(s) exported from ML.NET by Screener.Offline ({PrecisionName(precision)} path).",
        };
        graph.Input.Add(OnnxProto.FloatMatrix(InputName, featureCount));

        var treeInput = InputName;
        if (isDouble)
        {
            graph.Node.Add(OnnxProto.Node("Cast", "features.cast", [InputName], DoubleInput, attributes: OnnxProto.Int("to", (long)TensorProto.Types.DataType.Double)));
            treeInput = DoubleInput;
            if (heads.Any(h => h.Kind == TreeHeadKind.BinaryClassifier))
                graph.Initializer.Add(OnnxProto.DoubleScalar(One, 1d));
        }

        foreach (var head in heads)
        {
            graph.Node.Add(OnnxProto.Node("TreeEnsembleRegressor", head.Name + ".trees", [treeInput], head.ScoreOutput, OnnxProto.MlDomain, [.. TreeAttributes(head, isDouble)]));
            graph.Output.Add(OnnxProto.FloatMatrix(head.ScoreOutput, 1));
            if (head.Kind != TreeHeadKind.BinaryClassifier)
                continue;
            if (isDouble)
                AddDoublePlatt(graph, head);
            else
                AddFloatPlatt(graph, head);
            graph.Output.Add(OnnxProto.FloatMatrix(head.ProbabilityOutput!, 1));
        }

        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "CryptoScreener-X Screener.Offline",
            ProducerVersion = typeof(OnnxModelWriter).Assembly.GetName().Version?.ToString() ?? "0",
            DocString = "Tree-ensemble heads; see Screener.Offline/README.md (Export).",
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OnnxOpset });
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = OnnxProto.MlDomain, Version = OnnxMlOpset });
        foreach (var (key, value) in (metadata ?? ImmutableDictionary<string, string>.Empty).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        model.MetadataProps.Add(new StringStringEntryProto { Key = PrecisionKey, Value = PrecisionName(precision) });
        model.MetadataProps.Add(new StringStringEntryProto { Key = HeadsKey, Value = HeadsJson(heads) });
        if (covers is not null)
            model.MetadataProps.Add(new StringStringEntryProto { Key = NodeCovers.MetadataKey, Value = covers.ToJson() });
        return model;
    }

    internal static string PrecisionName(TreeScorePrecision precision) => precision == TreeScorePrecision.Double ? "double" : "float";

    private static IEnumerable<AttributeProto> TreeAttributes(TreeHead head, bool isDouble)
    {
        var treeIds = new List<long>();
        var nodeIds = new List<long>();
        var featureIds = new List<long>();
        var modes = new List<string>();
        var values = new List<double>();
        var trueIds = new List<long>();
        var falseIds = new List<long>();
        var missingTrue = new List<long>();
        var targetTreeIds = new List<long>();
        var targetNodeIds = new List<long>();
        var weights = new List<double>();
        for (var t = 0; t < head.Trees.Length; t++)
        {
            var tree = head.Trees[t];
            for (var k = 0; k < tree.SplitCount; k++)
            {
                treeIds.Add(t);
                nodeIds.Add(k);
                featureIds.Add(tree.SplitFeature[k]);
                modes.Add("BRANCH_LEQ");
                values.Add(tree.Threshold[k]);
                trueIds.Add(tree.NodeId(tree.LeftChild[k]));
                falseIds.Add(tree.NodeId(tree.RightChild[k]));
                missingTrue.Add(tree.MissingGoesLeft[k] ? 1 : 0);
            }

            for (var l = 0; l < tree.LeafCount; l++)
            {
                treeIds.Add(t);
                nodeIds.Add(tree.SplitCount + l);
                featureIds.Add(0);
                modes.Add("LEAF");
                values.Add(0);
                trueIds.Add(0);
                falseIds.Add(0);
                missingTrue.Add(0);
                targetTreeIds.Add(t);
                targetNodeIds.Add(tree.SplitCount + l);
                weights.Add(tree.LeafValues[l]);
            }
        }

        yield return OnnxProto.String("aggregate_function", "SUM");
        yield return OnnxProto.Int("n_targets", 1);
        yield return OnnxProto.String("post_transform", "NONE");
        yield return OnnxProto.Ints("nodes_treeids", treeIds);
        yield return OnnxProto.Ints("nodes_nodeids", nodeIds);
        yield return OnnxProto.Ints("nodes_featureids", featureIds);
        yield return OnnxProto.Strings("nodes_modes", modes);
        yield return OnnxProto.Ints("nodes_truenodeids", trueIds);
        yield return OnnxProto.Ints("nodes_falsenodeids", falseIds);
        yield return OnnxProto.Ints("nodes_missing_value_tracks_true", missingTrue);
        yield return OnnxProto.Ints("target_treeids", targetTreeIds);
        yield return OnnxProto.Ints("target_nodeids", targetNodeIds);
        yield return OnnxProto.Ints("target_ids", targetNodeIds.Select(_ => 0L));
        if (isDouble)
        {
            yield return OnnxProto.Tensor("nodes_values_as_tensor", OnnxProto.Doubles(values));
            yield return OnnxProto.Tensor("target_weights_as_tensor", OnnxProto.Doubles(weights));
            yield return OnnxProto.Tensor("base_values_as_tensor", OnnxProto.Doubles([0d]));
        }
        else
        {
            yield return OnnxProto.Floats("nodes_values", values.Select(v => (float)v)); // thresholds are float already: exact
            yield return OnnxProto.Floats("target_weights", weights.Select(w => (float)w));
            yield return OnnxProto.Floats("base_values", [0f]);
        }
    }

    // Sigmoid((-A) * s + (-B)) = 1 / (1 + exp(A * s + B)), in float.
    private static void AddFloatPlatt(GraphProto graph, TreeHead head)
    {
        var platt = head.Platt!;
        var slope = head.Name + ".platt.neg_slope";
        var offset = head.Name + ".platt.neg_offset";
        graph.Initializer.Add(OnnxProto.FloatScalar(slope, (float)-platt.Slope));
        graph.Initializer.Add(OnnxProto.FloatScalar(offset, (float)-platt.Offset));
        graph.Node.Add(OnnxProto.Node("Mul", head.Name + ".platt.mul", [head.ScoreOutput, slope], head.Name + ".platt.scaled"));
        graph.Node.Add(OnnxProto.Node("Add", head.Name + ".platt.add", [head.Name + ".platt.scaled", offset], head.Name + ".platt.logit"));
        graph.Node.Add(OnnxProto.Node("Sigmoid", head.Name + ".platt.sigmoid", [head.Name + ".platt.logit"], head.ProbabilityOutput!));
    }

    // ML.NET's PlattCalibrator, operation for operation: (float)(1 / (1 + exp(A * (double)s + B))).
    private static void AddDoublePlatt(GraphProto graph, TreeHead head)
    {
        var platt = head.Platt!;
        var p = head.Name + ".platt.";
        graph.Initializer.Add(OnnxProto.DoubleScalar(p + "slope", platt.Slope));
        graph.Initializer.Add(OnnxProto.DoubleScalar(p + "offset", platt.Offset));
        graph.Node.Add(OnnxProto.Node("Cast", p + "cast_in", [head.ScoreOutput], p + "score_f64", attributes: OnnxProto.Int("to", (long)TensorProto.Types.DataType.Double)));
        graph.Node.Add(OnnxProto.Node("Mul", p + "mul", [p + "score_f64", p + "slope"], p + "scaled"));
        graph.Node.Add(OnnxProto.Node("Add", p + "add", [p + "scaled", p + "offset"], p + "exponent"));
        graph.Node.Add(OnnxProto.Node("Exp", p + "exp", [p + "exponent"], p + "exp_out"));
        graph.Node.Add(OnnxProto.Node("Add", p + "add_one", [One, p + "exp_out"], p + "denominator"));
        graph.Node.Add(OnnxProto.Node("Div", p + "div", [One, p + "denominator"], p + "probability_f64"));
        graph.Node.Add(OnnxProto.Node("Cast", p + "cast_out", [p + "probability_f64"], head.ProbabilityOutput!, attributes: OnnxProto.Int("to", (long)TensorProto.Types.DataType.Float)));
    }

    private static string HeadsJson(IReadOnlyList<TreeHead> heads) =>
        new JsonArray([.. heads.Select(h =>
        {
            var o = new JsonObject
            {
                ["name"] = h.Name,
                ["kind"] = TreeHeadKinds.Name(h.Kind),
                ["trees"] = h.Trees.Length,
                ["score_output"] = h.ScoreOutput,
            };
            if (h.Platt is { } platt)
            {
                o["probability_output"] = h.ProbabilityOutput;
                o["platt_slope"] = platt.Slope;
                o["platt_offset"] = platt.Offset;
            }

            return (JsonNode)o;
        })]).ToJsonString();

    private static void Validate(IReadOnlyList<TreeHead> heads, int featureCount, IReadOnlyDictionary<string, string>? metadata, NodeCovers? covers)
    {
        ArgumentNullException.ThrowIfNull(heads);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        if (heads.Count == 0)
            throw new ArgumentException("No heads to export.", nameof(heads));
        var outputs = new HashSet<string>(StringComparer.Ordinal) { InputName };
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var head in heads)
        {
            ArgumentNullException.ThrowIfNull(head, nameof(heads));
            if (!names.Add(head.Name))
                throw new ArgumentException($"Two heads are named '{head.Name}'.", nameof(heads));
            if (!outputs.Add(head.ScoreOutput) || (head.ProbabilityOutput is { } p && !outputs.Add(p)))
                throw new ArgumentException($"Head '{head.Name}': an output name is already taken (heads: {string.Join(", ", heads.Select(h => h.Name))}).", nameof(heads));
            if (head.FeaturesRead > featureCount)
                throw new ArgumentException($"Head '{head.Name}' splits on feature {head.FeaturesRead - 1}; the input has {featureCount} features.", nameof(featureCount));
        }

        foreach (var key in metadata?.Keys ?? [])
        {
            if (key.StartsWith(ReservedPrefix, StringComparison.Ordinal))
                throw new ArgumentException($"Metadata key '{key}' is reserved for the writer ({ReservedPrefix}*).", nameof(metadata));
        }

        if (covers is null)
            return;
        foreach (var head in heads)
        {
            if (!covers.ByHead.ContainsKey(head.Name))
                throw new ArgumentException($"Node covers have no entry for head '{head.Name}'.", nameof(covers));
            covers.CheckFits(head);
        }

        var extra = covers.ByHead.Keys.Where(k => heads.All(h => h.Name != k)).ToList();
        if (extra.Count > 0)
            throw new ArgumentException($"Node covers for heads not in the model: {string.Join(", ", extra)}.", nameof(covers));
    }
}
