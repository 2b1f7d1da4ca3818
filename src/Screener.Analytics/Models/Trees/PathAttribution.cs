using System.Collections.Immutable;

namespace Screener.Analytics.Models.Trees;

/// <summary>
/// Path attribution (Saabas) of one head's score to its features: each split on the path a row takes moves the expected
/// score from <c>E[node]</c> to <c>E[child]</c>, and that change is credited to the split's feature. <c>E[n]</c> is the
/// mean leaf value of the training rows through <c>n</c>, from the node covers saved with the model, so the
/// contributions are signed, in the head's own units, and add up exactly: <c>Bias + Σ contributions = Σ leaf values</c>
/// (the head's score before ML.NET rounds it to float), with <see cref="Bias"/> = Σ over trees of <c>E[root]</c>.
/// A node no training row reached takes its children's plain mean. Stumps score 0 and contribute nothing. It depends only
/// on the leaf reached, so it costs one walk per tree; an instance is immutable and may be shared between threads.
/// </summary>
public sealed class PathAttribution
{
    // Per tree, split nodes at [start, start + splits): feature, threshold, missing direction, children (a child >= 0 is a
    // split node index within the tree, < 0 is leaf ~c) and the expected-value change of taking each child.
    private readonly int[] _start;
    private readonly int[] _feature;
    private readonly float[] _threshold;
    private readonly bool[] _missingLeft;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly double[] _deltaLeft;
    private readonly double[] _deltaRight;

    /// <param name="head">The head's trees.</param>
    /// <param name="nodeCovers">The model's node covers, which hold the head's: per tree, the training rows through each ONNX node id.</param>
    /// <exception cref="KeyNotFoundException">No covers for the head.</exception>
    /// <exception cref="ArgumentException">The head's covers do not fit its trees.</exception>
    public PathAttribution(TreeHead head, NodeCovers nodeCovers)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(nodeCovers);
        nodeCovers.CheckFits(head);
        var covers = nodeCovers[head.Name];
        HeadName = head.Name;
        FeaturesRead = head.FeaturesRead;
        var total = head.Trees.Sum(t => t.SplitCount);
        _start = new int[head.Trees.Length + 1];
        _feature = new int[total];
        _threshold = new float[total];
        _missingLeft = new bool[total];
        _left = new int[total];
        _right = new int[total];
        _deltaLeft = new double[total];
        _deltaRight = new double[total];

        var offset = 0;
        for (var t = 0; t < head.Trees.Length; t++)
        {
            var tree = head.Trees[t];
            _start[t] = offset;
            if (tree.SplitCount == 0) continue;
            var expected = new double[tree.NodeCount];
            Bias += Expected(tree, covers[t], expected, 0);
            for (var k = 0; k < tree.SplitCount; k++)
            {
                var i = offset + k;
                _feature[i] = tree.SplitFeature[k];
                _threshold[i] = tree.Threshold[k];
                _missingLeft[i] = tree.MissingGoesLeft[k];
                _left[i] = tree.LeftChild[k];
                _right[i] = tree.RightChild[k];
                _deltaLeft[i] = expected[tree.NodeId(tree.LeftChild[k])] - expected[k];
                _deltaRight[i] = expected[tree.NodeId(tree.RightChild[k])] - expected[k];
            }
            offset += tree.SplitCount;
        }
        _start[^1] = offset;
    }

    public string HeadName { get; }

    /// <summary>The narrowest row the head reads.</summary>
    public int FeaturesRead { get; }

    /// <summary>The expected score over the training rows: the score with every contribution zero.</summary>
    public double Bias { get; }

    /// <summary>Adds each feature's contribution for <paramref name="row"/> to <paramref name="contributions"/> (one slot per feature).</summary>
    public void Attribute(ReadOnlySpan<float> row, Span<double> contributions)
    {
        if (row.Length < FeaturesRead) throw new ArgumentException($"The row has {row.Length} features; head '{HeadName}' reads {FeaturesRead}.", nameof(row));
        if (contributions.Length < row.Length) throw new ArgumentException($"{contributions.Length} contribution slots for {row.Length} features.", nameof(contributions));
        for (var t = 0; t < _start.Length - 1; t++)
        {
            var start = _start[t];
            if (start == _start[t + 1]) continue;
            var node = 0;
            while (node >= 0)
            {
                var i = start + node;
                var value = row[_feature[i]];
                var left = float.IsNaN(value) ? _missingLeft[i] : value <= _threshold[i];
                contributions[_feature[i]] += left ? _deltaLeft[i] : _deltaRight[i];
                node = left ? _left[i] : _right[i];
            }
        }
    }

    // E[node] into expected[NodeId], bottom-up; returns E of the node the child reference names.
    private static double Expected(DecisionTree tree, ImmutableArray<long> covers, double[] expected, int child)
    {
        var id = tree.NodeId(child);
        if (child < 0) return expected[id] = tree.LeafValues[~child];
        var left = Expected(tree, covers, expected, tree.LeftChild[child]);
        var right = Expected(tree, covers, expected, tree.RightChild[child]);
        long cl = covers[tree.NodeId(tree.LeftChild[child])], cr = covers[tree.NodeId(tree.RightChild[child])];
        return expected[id] = cl + cr > 0 ? (cl * left + cr * right) / (cl + cr) : (left + right) / 2;
    }
}
