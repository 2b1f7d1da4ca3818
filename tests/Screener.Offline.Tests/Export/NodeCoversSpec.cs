using Screener.Offline.Export;
using static Screener.Offline.Tests.Export.HandBuiltTrees;

namespace Screener.Offline.Tests.Export;

/// <summary>Node covers: counted where scoring sends rows, adding up, saved in the model file and read back.</summary>
[Collection(TrainedHeadsCollection.Name)]
public sealed class NodeCoversSpec(TrainedHeadsFixture fixture)
{
    [Fact]
    public void NodeCovers_must_count_each_row_at_every_node_scoring_sends_it_through()
    {
        var rows = TwoSplitsProbes().SelectMany(r => r).ToArray();

        var covers = NodeCovers.Compute(Regressor("routing", TwoSplits(), DecisionTree.Stump), rows, 3);

        // ONNX node order: split 0, split 1, leaf 0 (-1.25: 5 probes), leaf 1 (0.75: 2), leaf 2 (2.5: 3); the stump's one node.
        Assert.Equal([10L, 5, 5, 2, 3], covers[0].ToArray());
        Assert.Equal([10L], covers[1].ToArray());
    }

    [Fact]
    public void NodeCovers_must_add_up_each_parent_to_its_children_and_each_root_to_the_training_rows()
    {
        foreach (var head in fixture.Heads)
        {
            var covers = fixture.Covers[head.Name];
            Assert.Equal(head.Trees.Length, covers.Length);
            for (var t = 0; t < head.Trees.Length; t++)
            {
                var (tree, c) = (head.Trees[t], covers[t]);
                var at = $"{head.Name} tree {t}";
                Assert.Equal(tree.NodeCount, c.Length);
                Assert.True(c[0] == TrainedHeadsFixture.TrainRows, $"{at}: root cover {c[0]}");
                for (var k = 0; k < tree.SplitCount; k++)
                {
                    var (left, right) = (c[tree.NodeId(tree.LeftChild[k])], c[tree.NodeId(tree.RightChild[k])]);
                    Assert.True(c[k] == left + right, $"{at}, node {k}: {c[k]} != {left} + {right}");
                }

                Assert.Equal(TrainedHeadsFixture.TrainRows, c.Skip(tree.SplitCount).Sum());
            }
        }
    }

    [Fact]
    public void NodeCovers_must_be_saved_in_the_model_file_and_read_back()
    {
        var saved = fixture.Exported.Covers;
        Assert.NotNull(saved);
        Assert.Equal(fixture.Heads.Select(h => h.Name).Order(StringComparer.Ordinal), saved.ByHead.Keys.Order(StringComparer.Ordinal));
        foreach (var head in fixture.Heads)
            Assert.Equal(fixture.Covers[head.Name].Select(c => c.ToArray()), saved[head.Name].Select(c => c.ToArray()));
        Assert.Equal(fixture.Covers.ToJson(), fixture.Session(TreeScorePrecision.Float).ModelMetadata.CustomMetadataMap[NodeCovers.MetadataKey]);
    }

    [Fact]
    public void NodeCovers_must_refuse_json_of_an_unknown_version_or_shape()
    {
        Assert.Throws<FormatException>(() => NodeCovers.FromJson("""{"version":2,"heads":{}}"""));
        Assert.Throws<FormatException>(() => NodeCovers.FromJson("""{"version":1,"heads":{"a":[[1,"x"]]}}"""));
        Assert.Throws<FormatException>(() => NodeCovers.FromJson("""{"version":1}"""));
        Assert.Throws<FormatException>(() => NodeCovers.FromJson("not json"));
    }
}
