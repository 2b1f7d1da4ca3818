using System.Collections.Immutable;

namespace Screener.Analytics.Models.Trees;

/// <summary>
/// One regression tree of a boosted ensemble, in ML.NET's layout: split nodes <c>0..SplitCount-1</c> (node 0 is the
/// root), each with a feature, a float threshold and two children, where a child <c>c &gt;= 0</c> is a split node and
/// <c>c &lt; 0</c> is leaf <c>~c</c>. A row goes to the left child when its value is <c>&lt;=</c> the threshold and to the
/// right child otherwise; a missing value (NaN) goes where <see cref="MissingGoesLeft"/> says. This is ML.NET's
/// <c>InternalRegressionTree.GetLeafCore</c>: LightGBM trees replace a NaN by the node's default value, which lands left
/// exactly when that default is <c>&lt;=</c> the threshold; FastTree trees have no defaults, and NaN fails <c>&lt;=</c>.
/// <para>A tree without splits (one leaf) has value 0: ML.NET's <c>GetOutput</c> returns 0 for it whatever its leaf
/// holds, and <see cref="Stump"/> is the only such tree this type allows.</para>
/// <para>ONNX node ids (<see cref="NodeId"/>): split node k is k, leaf l is <c>SplitCount + l</c>; the exported model and
/// the node covers use them.</para>
/// </summary>
public sealed class DecisionTree
{
    /// <summary>A tree without splits, which ML.NET scores as 0.</summary>
    public static readonly DecisionTree Stump = new([], [], [], [], [], [0d]);

    /// <param name="leftChild">Per split node, the child taken when the value is <c>&lt;=</c> the threshold.</param>
    /// <param name="rightChild">Per split node, the child taken when the value is above the threshold.</param>
    /// <param name="splitFeature">Per split node, the feature's index in the input row.</param>
    /// <param name="threshold">Per split node, the threshold (ML.NET's raw thresholds are float).</param>
    /// <param name="missingGoesLeft">Per split node, whether a NaN value takes the left child.</param>
    /// <param name="leafValues">Per leaf, its value; one more leaf than split nodes.</param>
    /// <exception cref="ArgumentException">The arrays disagree in length or the children do not form one tree rooted at node 0.</exception>
    public DecisionTree(
        ImmutableArray<int> leftChild,
        ImmutableArray<int> rightChild,
        ImmutableArray<int> splitFeature,
        ImmutableArray<float> threshold,
        ImmutableArray<bool> missingGoesLeft,
        ImmutableArray<double> leafValues)
    {
        var splits = leftChild.Length;
        if (rightChild.Length != splits || splitFeature.Length != splits || threshold.Length != splits || missingGoesLeft.Length != splits)
            throw new ArgumentException($"A tree needs one child pair, feature, threshold and missing direction per split node; got {leftChild.Length}, {rightChild.Length}, {splitFeature.Length}, {threshold.Length}, {missingGoesLeft.Length}.");
        if (leafValues.Length != splits + 1)
            throw new ArgumentException($"A binary tree with {splits} split nodes has {splits + 1} leaves; got {leafValues.Length} leaf values.");
        if (splits == 0 && leafValues[0] != 0d)
            throw new ArgumentException("A tree without splits scores 0 in ML.NET; use DecisionTree.Stump.");
        foreach (var f in splitFeature)
        {
            if (f < 0)
                throw new ArgumentException($"Split feature index {f} is negative.");
        }

        LeftChild = leftChild;
        RightChild = rightChild;
        SplitFeature = splitFeature;
        Threshold = threshold;
        MissingGoesLeft = missingGoesLeft;
        LeafValues = leafValues;
        CheckShape();
    }

    public ImmutableArray<int> LeftChild { get; }
    public ImmutableArray<int> RightChild { get; }
    public ImmutableArray<int> SplitFeature { get; }
    public ImmutableArray<float> Threshold { get; }
    public ImmutableArray<bool> MissingGoesLeft { get; }
    public ImmutableArray<double> LeafValues { get; }

    public int SplitCount => LeftChild.Length;
    public int LeafCount => LeafValues.Length;

    /// <summary>Split nodes plus leaves: the length of the tree's ONNX node arrays and of its covers.</summary>
    public int NodeCount => SplitCount + LeafCount;

    /// <summary>The ONNX node id of a child reference (split node k is k, leaf <c>~c</c> is <c>SplitCount + ~c</c>).</summary>
    public int NodeId(int child) => child >= 0 ? child : SplitCount + ~child;

    /// <summary>Whether a row whose split feature holds <paramref name="value"/> takes the left child at split node <paramref name="node"/>.</summary>
    public bool GoesLeft(int node, float value) => float.IsNaN(value) ? MissingGoesLeft[node] : value <= Threshold[node];

    /// <summary>The leaf <paramref name="row"/> lands in.</summary>
    public int LeafOf(ReadOnlySpan<float> row)
    {
        if (SplitCount == 0)
            return 0;
        var node = 0;
        while (node >= 0)
            node = GoesLeft(node, row[SplitFeature[node]]) ? LeftChild[node] : RightChild[node];
        return ~node;
    }

    /// <summary>The tree's value for <paramref name="row"/>.</summary>
    public double Output(ReadOnlySpan<float> row) => LeafValues[LeafOf(row)];

    /// <summary>The largest split feature index plus one (0 for a stump): the narrowest input row this tree can read.</summary>
    public int FeaturesRead => SplitFeature.IsEmpty ? 0 : SplitFeature.Max() + 1;

    // Every split node and leaf must be reached exactly once from node 0, so walks terminate and covers add up.
    private void CheckShape()
    {
        if (SplitCount == 0)
            return;
        var seenSplit = new bool[SplitCount];
        var seenLeaf = new bool[LeafCount];
        var pending = new Stack<int>();
        pending.Push(0);
        while (pending.Count > 0)
        {
            var c = pending.Pop();
            if (c >= 0)
            {
                if (c >= SplitCount || seenSplit[c])
                    throw new ArgumentException($"Split node {c} is out of range or reached twice.");
                seenSplit[c] = true;
                pending.Push(LeftChild[c]);
                pending.Push(RightChild[c]);
            }
            else
            {
                var leaf = ~c;
                if (leaf >= LeafCount || seenLeaf[leaf])
                    throw new ArgumentException($"Leaf {leaf} is out of range or reached twice.");
                seenLeaf[leaf] = true;
            }
        }

        if (Array.IndexOf(seenSplit, false) >= 0 || Array.IndexOf(seenLeaf, false) >= 0)
            throw new ArgumentException("Some split nodes or leaves are not reachable from node 0.");
    }
}
