using System.Collections.Immutable;
using Screener.Analytics.Models.Trees;

namespace Screener.Analytics.Tests.Models;

/// <summary>Path attribution: signed, per feature, adding up to the head's score; checked by hand and on the shipped model.</summary>
public sealed class PathAttributionSpec
{
    // x0 <= 1 ? (x1 <= 5 ? 10 : 20) : 40, trained on 6 rows: 2 in leaf 10, 2 in leaf 20, 2 in leaf 40.
    private static readonly TreeHead Hand = new("h", TreeHeadKind.Regressor,
        [new DecisionTree([1, ~0], [~1, ~2], [0, 1], [1f, 5f], [false, false], [10d, 40d, 20d])], null);

    [Fact]
    public void PathAttribution_must_credit_each_split_with_the_change_in_expected_score_it_makes()
    {
        // Node ids: split 0 (root), split 1, leaf 0 (value 10), leaf 1 (40), leaf 2 (20). Covers 6, 4, 2, 2, 2.
        var attribution = new PathAttribution(Hand, Covers(ImmutableArray.Create(6L, 4, 2, 2, 2)));
        var contributions = new double[2];

        attribution.Attribute([0.5f, 9f], contributions);

        // E[root] = (2*10 + 2*20 + 2*40) / 6 = 23.33; E[split 1] = 15; leaf 20.
        Assert.Equal(70.0 / 3, attribution.Bias, 12);
        Assert.Equal(15 - 70.0 / 3, contributions[0], 12);
        Assert.Equal(20 - 15, contributions[1], 12);
        Assert.Equal(20, attribution.Bias + contributions.Sum(), 12);
    }

    [Fact]
    public void PathAttribution_must_send_a_missing_value_where_the_tree_does()
    {
        var attribution = new PathAttribution(Hand, Covers(ImmutableArray.Create(6L, 4, 2, 2, 2)));
        var contributions = new double[2];

        attribution.Attribute([float.NaN, 1f], contributions);

        Assert.Equal(40 - 70.0 / 3, contributions[0], 12);
        Assert.Equal(0, contributions[1]);
    }

    [Fact]
    public void PathAttribution_must_refuse_covers_that_do_not_fit_the_trees()
    {
        Assert.Throws<ArgumentException>(() => new PathAttribution(Hand, Covers(ImmutableArray.Create(6L, 4, 2))));
        Assert.Throws<ArgumentException>(() => new PathAttribution(Hand, Covers()));
    }

    [Fact]
    public void PathAttribution_must_add_up_to_every_shipped_head_score_on_every_row()
    {
        var model = OnnxTreeModelReader.Read(Path.Combine(ShippedModel.Folder, "screener-model.onnx"));
        var rows = ShippedModel.Rows(300);
        foreach (var head in model.Heads)
        {
            var attribution = new PathAttribution(head, model.Covers!);
            foreach (var row in rows)
            {
                var values = row.Values.AsSpan();
                var contributions = new double[values.Length];
                attribution.Attribute(values, contributions);
                var leaves = 0d;
                foreach (var tree in head.Trees) leaves += tree.Output(values);
                Assert.Equal(leaves, attribution.Bias + contributions.Sum(), 9);
                Assert.Equal(head.Score(values), (float)(attribution.Bias + contributions.Sum()), 3);
            }
        }
    }

    private static NodeCovers Covers(params ImmutableArray<long>[] trees) =>
        new(ImmutableDictionary<string, ImmutableArray<ImmutableArray<long>>>.Empty.Add(Hand.Name, [.. trees]));
}
