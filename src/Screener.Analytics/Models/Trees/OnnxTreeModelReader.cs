using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Screener.Analytics.Models.Trees.Onnx;

namespace Screener.Analytics.Models.Trees;

/// <summary>
/// Reads a model file written by the exporter (<c>Screener.Offline.Export.OnnxModelWriter</c>) back into <see cref="TreeHead"/>s: the trees come from
/// each head's <c>TreeEnsembleRegressor</c> attributes (the arrays ONNX Runtime evaluates, so <see cref="TreeHead.Score"/>
/// over them is a walker over the exported model), the head names, kinds and exact Platt parameters from the writer's
/// metadata, and the node covers from theirs. Files from other exporters are refused: it only knows this writer's layout.
/// </summary>
public static class OnnxTreeModelReader
{
    /// <summary>Reads the model in <paramref name="path"/>.</summary>
    /// <exception cref="FormatException">Not a model this writer wrote.</exception>
    public static OnnxTreeModel Read(string path) => Read(File.ReadAllBytes(path));

    /// <summary>Reads the model in <paramref name="bytes"/>.</summary>
    /// <exception cref="FormatException">Not a model this writer wrote.</exception>
    public static OnnxTreeModel Read(ReadOnlySpan<byte> bytes)
    {
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new FormatException($"Not an ONNX model: {e.Message}", e);
        }

        var metadata = model.MetadataProps.ToImmutableDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var precision = Entry(metadata, OnnxModelLayout.PrecisionKey) switch
        {
            "float" => TreeScorePrecision.Float,
            "double" => TreeScorePrecision.Double,
            var other => throw new FormatException($"Unknown precision '{other}'."),
        };
        var graph = model.Graph ?? throw new FormatException("The model has no graph.");
        var input = graph.Input.SingleOrDefault(i => i.Name == OnnxModelLayout.InputName)
            ?? throw new FormatException($"The model has no input '{OnnxModelLayout.InputName}'.");
        var dims = input.Type?.TensorType?.Shape?.Dim;
        if (dims is not { Count: 2 } || !dims[1].HasDimValue)
            throw new FormatException($"Input '{OnnxModelLayout.InputName}' is not [N, F].");

        var heads = ImmutableArray.CreateBuilder<TreeHead>();
        foreach (var h in HeadEntries(Entry(metadata, OnnxModelLayout.HeadsKey)))
        {
            var name = h?["name"]?.GetValue<string>() ?? throw new FormatException("A head has no name.");
            var kind = TreeHeadKinds.Parse(h["kind"]?.GetValue<string>() ?? "");
            var platt = kind == TreeHeadKind.BinaryClassifier
                ? new PlattCalibration(h["platt_slope"]?.GetValue<double>() ?? double.NaN, h["platt_offset"]?.GetValue<double>() ?? double.NaN)
                : null;
            var node = graph.Node.SingleOrDefault(n => n.Name == name + ".trees" && n.OpType == "TreeEnsembleRegressor")
                ?? throw new FormatException($"Head '{name}' has no TreeEnsembleRegressor node.");
            heads.Add(new TreeHead(name, kind, Trees(name, node), platt));
        }

        var covers = metadata.TryGetValue(NodeCovers.MetadataKey, out var json) ? NodeCovers.FromJson(json) : null;
        foreach (var head in heads)
            covers?.CheckFits(head);
        return new OnnxTreeModel((int)dims[1].DimValue, precision, heads.ToImmutable(), metadata, covers);
    }

    private static JsonArray HeadEntries(string json)
    {
        try
        {
            return JsonNode.Parse(json)?.AsArray() ?? throw new FormatException("The heads entry is empty.");
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            throw new FormatException($"The heads entry is not a JSON array: {e.Message}", e);
        }
    }

    private static string Entry(ImmutableDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var value) ? value : throw new FormatException($"No metadata entry '{key}': not a model OnnxModelWriter wrote.");

    private static ImmutableArray<DecisionTree> Trees(string head, NodeProto node)
    {
        var a = node.Attribute.ToDictionary(x => x.Name, StringComparer.Ordinal);
        var treeIds = Ints(a, "nodes_treeids");
        var nodeIds = Ints(a, "nodes_nodeids");
        var featureIds = Ints(a, "nodes_featureids");
        var modes = Attr(a, "nodes_modes").Strings.Select(s => s.ToStringUtf8()).ToArray();
        var trueIds = Ints(a, "nodes_truenodeids");
        var falseIds = Ints(a, "nodes_falsenodeids");
        var missingTrue = Ints(a, "nodes_missing_value_tracks_true");
        var values = Reals(a, "nodes_values");
        var targetTrees = Ints(a, "target_treeids");
        var targetNodes = Ints(a, "target_nodeids");
        var weights = Reals(a, "target_weights");

        if (treeIds.Length == 0)
            throw new FormatException($"Head '{head}' has no tree nodes.");
        var treeCount = (int)treeIds.Max() + 1;
        var nodesOf = Enumerable.Range(0, treeCount).Select(_ => new SortedDictionary<long, int>()).ToArray();
        for (var i = 0; i < treeIds.Length; i++)
        {
            if (!nodesOf[treeIds[i]].TryAdd(nodeIds[i], i))
                throw new FormatException($"Head '{head}', tree {treeIds[i]}: node id {nodeIds[i]} appears twice.");
        }

        var leafWeight = new Dictionary<(long Tree, long Node), double>();
        for (var i = 0; i < targetTrees.Length; i++)
            leafWeight.Add((targetTrees[i], targetNodes[i]), weights[i]);

        var trees = ImmutableArray.CreateBuilder<DecisionTree>(treeCount);
        for (var t = 0; t < treeCount; t++)
        {
            var entries = nodesOf[t].Values.ToArray();
            var splits = entries.Count(i => modes[i] == "BRANCH_LEQ");
            var child = (long id) => id < splits ? (int)id : ~(int)(id - splits);
            for (var k = 0; k < entries.Length; k++)
            {
                var expected = k < splits ? "BRANCH_LEQ" : "LEAF";
                if (nodeIds[entries[k]] != k || modes[entries[k]] != expected)
                    throw new FormatException($"Head '{head}', tree {t}: node {k} is {modes[entries[k]]} with id {nodeIds[entries[k]]}; this writer puts split nodes first, then leaves, ids 0..n-1.");
            }

            var split = entries.Take(splits).ToArray();
            var leaves = entries.Skip(splits).Select(i => leafWeight.TryGetValue((t, nodeIds[i]), out var w) ? w : throw new FormatException($"Head '{head}', tree {t}: leaf {nodeIds[i]} has no weight.")).ToImmutableArray();
            trees.Add(splits == 0 && leaves is [0d] ? DecisionTree.Stump : new DecisionTree(
                [.. split.Select(i => child(trueIds[i]))],
                [.. split.Select(i => child(falseIds[i]))],
                [.. split.Select(i => (int)featureIds[i])],
                [.. split.Select(i => ExactFloat(values[i], head, t))],
                [.. split.Select(i => missingTrue[i] != 0)],
                leaves));
        }

        return trees.MoveToImmutable();
    }

    private static AttributeProto Attr(Dictionary<string, AttributeProto> a, string name) =>
        a.TryGetValue(name, out var attr) ? attr : throw new FormatException($"The tree node has no attribute '{name}'.");

    private static long[] Ints(Dictionary<string, AttributeProto> a, string name) => [.. Attr(a, name).Ints];

    // Float attribute, or its double-tensor twin "<name>_as_tensor" on the double path.
    private static double[] Reals(Dictionary<string, AttributeProto> a, string name)
    {
        if (a.TryGetValue(name + "_as_tensor", out var tensor))
        {
            if (tensor.T?.DataType != (int)TensorProto.Types.DataType.Double)
                throw new FormatException($"'{name}_as_tensor' is not a double tensor.");
            return [.. tensor.T.DoubleData];
        }

        return [.. Attr(a, name).Floats.Select(f => (double)f)];
    }

    private static float ExactFloat(double value, string head, int tree)
    {
        var f = (float)value;
        if (f != value)
            throw new FormatException($"Head '{head}', tree {tree}: threshold {value:R} is not a float; ML.NET thresholds always are.");
        return f;
    }
}
