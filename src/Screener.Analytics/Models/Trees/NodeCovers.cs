using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Screener.Analytics.Models.Trees;

/// <summary>
/// Node covers: per head, per tree, how many rows pass through each node (split nodes and leaves, indexed by ONNX node
/// id: split node k at k, leaf l at <c>SplitCount + l</c>). Path-dependent TreeSHAP and Saabas attributions weight each
/// branch by its cover, and ML.NET does not expose them, so <see cref="Compute"/> recounts them by routing rows through
/// the trees exactly as scoring does (NaN included). Pass the rows the model was trained on; note that FastTree skipped
/// training rows with any NaN feature, so for FastTree heads the training rows without NaN reproduce its training set.
/// <para>Saved with the model: the exporter (<c>Screener.Offline.Export.OnnxModelWriter</c>) writes them as the metadata entry <see cref="MetadataKey"/>
/// (JSON, see <see cref="ToJson"/>), so a model file and its covers cannot drift apart; <see cref="OnnxTreeModelReader"/>
/// reads them back.</para>
/// </summary>
public sealed class NodeCovers
{
    /// <summary>The ONNX metadata key holding the covers.</summary>
    public const string MetadataKey = "screener.export.node_covers";

    private const int FormatVersion = 1;

    public NodeCovers(ImmutableDictionary<string, ImmutableArray<ImmutableArray<long>>> byHead)
    {
        ArgumentNullException.ThrowIfNull(byHead);
        ByHead = byHead;
    }

    /// <summary>Per head name, per tree, the count at each ONNX node id.</summary>
    public ImmutableDictionary<string, ImmutableArray<ImmutableArray<long>>> ByHead { get; }

    /// <summary>The covers of one head's trees.</summary>
    /// <exception cref="KeyNotFoundException">No covers for that head.</exception>
    public ImmutableArray<ImmutableArray<long>> this[string head] =>
        ByHead.TryGetValue(head, out var covers) ? covers : throw new KeyNotFoundException($"No node covers for head '{head}'.");

    /// <summary>Covers of every head in <paramref name="heads"/> over the same rows.</summary>
    /// <param name="heads">The heads.</param>
    /// <param name="rows">Row-major, <paramref name="featureCount"/> values a row.</param>
    /// <param name="featureCount">Values per row.</param>
    public static NodeCovers Compute(IEnumerable<TreeHead> heads, ReadOnlySpan<float> rows, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(heads);
        var byHead = ImmutableDictionary.CreateBuilder<string, ImmutableArray<ImmutableArray<long>>>(StringComparer.Ordinal);
        foreach (var head in heads)
            byHead.Add(head.Name, Compute(head, rows, featureCount));
        return new NodeCovers(byHead.ToImmutable());
    }

    /// <summary>Covers of one head's trees: the count of <paramref name="rows"/> through each node.</summary>
    /// <exception cref="ArgumentException">The rows are not whole, or narrower than the features the head reads.</exception>
    public static ImmutableArray<ImmutableArray<long>> Compute(TreeHead head, ReadOnlySpan<float> rows, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        if (rows.Length % featureCount != 0)
            throw new ArgumentException($"{rows.Length} values are not whole rows of {featureCount}.", nameof(rows));
        if (head.FeaturesRead > featureCount)
            throw new ArgumentException($"Head '{head.Name}' reads feature {head.FeaturesRead - 1}; rows have {featureCount}.", nameof(featureCount));

        var counts = head.Trees.Select(t => new long[t.NodeCount]).ToArray();
        for (var start = 0; start < rows.Length; start += featureCount)
        {
            var row = rows.Slice(start, featureCount);
            for (var t = 0; t < counts.Length; t++)
                Route(head.Trees[t], row, counts[t]);
        }

        return [.. counts.Select(c => ImmutableArray.Create(c))];
    }

    /// <summary>
    /// The covers as JSON: <c>{"version":1,"heads":{"&lt;head&gt;":[[n0,n1,...],...]}}</c>, one array per tree, one count
    /// per ONNX node id. Heads are written in ordinal name order, so the same covers give the same text.
    /// </summary>
    public string ToJson()
    {
        var heads = new JsonObject();
        foreach (var (name, trees) in ByHead.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            heads[name] = new JsonArray([.. trees.Select(counts => (JsonNode)new JsonArray([.. counts.Select(c => (JsonNode)JsonValue.Create(c))]))]);
        return new JsonObject { ["version"] = FormatVersion, ["heads"] = heads }.ToJsonString();
    }

    /// <summary>Covers from <see cref="ToJson"/>'s text.</summary>
    /// <exception cref="FormatException">Not covers JSON of a version this reader knows.</exception>
    public static NodeCovers FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var root = JsonNode.Parse(json)?.AsObject() ?? throw new FormatException("Node covers: empty JSON.");
            var version = root["version"]?.GetValue<int>();
            if (version != FormatVersion)
                throw new FormatException($"Node covers: version {version?.ToString() ?? "missing"}, this reader knows {FormatVersion}.");
            var heads = root["heads"]?.AsObject() ?? throw new FormatException("Node covers: no \"heads\".");
            var byHead = ImmutableDictionary.CreateBuilder<string, ImmutableArray<ImmutableArray<long>>>(StringComparer.Ordinal);
            foreach (var (name, trees) in heads)
            {
                var perTree = (trees?.AsArray() ?? throw new FormatException($"Node covers: head '{name}' has no trees."))
                    .Select(tree => (tree ?? throw new FormatException($"Node covers: head '{name}' has a null tree.")).AsArray()
                        .Select(c => c?.GetValue<long>() ?? throw new FormatException($"Node covers: head '{name}' has a null count."))
                        .ToImmutableArray())
                    .ToImmutableArray();
                byHead.Add(name, perTree);
            }

            return new NodeCovers(byHead.ToImmutable());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException($"Node covers: malformed JSON ({e.Message}).", e);
        }
    }

    /// <summary>Checks the covers fit <paramref name="head"/>: one array per tree, one count per node.</summary>
    /// <exception cref="ArgumentException">They do not.</exception>
    public void CheckFits(TreeHead head)
    {
        var covers = this[head.Name];
        if (covers.Length != head.Trees.Length)
            throw new ArgumentException($"Node covers of head '{head.Name}' have {covers.Length} trees; the head has {head.Trees.Length}.");
        for (var t = 0; t < covers.Length; t++)
        {
            if (covers[t].Length != head.Trees[t].NodeCount)
                throw new ArgumentException($"Node covers of head '{head.Name}', tree {t}: {covers[t].Length} counts for {head.Trees[t].NodeCount} nodes.");
        }
    }

    private static void Route(DecisionTree tree, ReadOnlySpan<float> row, long[] counts)
    {
        if (tree.SplitCount == 0)
        {
            counts[0]++;
            return;
        }

        var node = 0;
        while (node >= 0)
        {
            counts[node]++;
            node = tree.GoesLeft(node, row[tree.SplitFeature[node]]) ? tree.LeftChild[node] : tree.RightChild[node];
        }

        counts[tree.SplitCount + ~node]++;
    }
}
