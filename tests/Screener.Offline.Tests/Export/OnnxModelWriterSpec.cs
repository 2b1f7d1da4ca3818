using Microsoft.ML.OnnxRuntime;
using Screener.Offline.Export;
using Xunit.Abstractions;
using static Screener.Offline.Tests.Export.HandBuiltTrees;

namespace Screener.Offline.Tests.Export;

/// <summary>The writer on hand-built trees: routing, the Platt tail over a wide score range, determinism, refusals, read-back.</summary>
public sealed class OnnxModelWriterSpec(ITestOutputHelper output)
{
    private const int Width = 3;
    private static readonly PlattCalibration Platt = new(-0.4, 0.3);

    public static TheoryData<TreeScorePrecision> Precisions => [TreeScorePrecision.Float, TreeScorePrecision.Double];

    [Theory]
    [MemberData(nameof(Precisions))]
    public void OnnxModelWriter_must_route_exact_thresholds_and_missing_values_as_MlNet_does(TreeScorePrecision precision)
    {
        // Leaf reached per probe, worked out by hand from TwoSplits' rule (<= goes left; NaN left at the root, right below).
        double[] expected = [-1.25, -1.25, 0.75, 2.5, 0.75, -1.25, 2.5, -1.25, 2.5, -1.25];
        var head = Regressor("routing", TwoSplits(), DecisionTree.Stump);
        var rows = TwoSplitsProbes();

        var onnx = Run(OnnxModelWriter.Write([head], Width, precision), rows);

        Assert.Equal(expected.Select(v => (float)v), onnx["routing"]);
        Assert.Equal(expected.Select(v => (float)v), rows.Select(r => head.Score(r)));
    }

    [Theory]
    [MemberData(nameof(Precisions))]
    public void OnnxModelWriter_must_give_MlNets_Platt_probability_across_the_score_range(TreeScorePrecision precision)
    {
        var random = new Random(11);
        var scores = Enumerable.Range(0, 400).Select(i => -60 + i * 0.3 + random.NextDouble() * 0.3).ToArray();
        var head = Classifier("up", Platt, Staircase(scores));
        var rows = scores.Select((_, k) => new[] { k - 0.5f, 0f, 0f }).ToArray();

        var onnx = Run(OnnxModelWriter.Write([head], Width, precision), rows);

        var expectedScores = scores.Select(s => (float)s).ToArray();
        var expectedProbabilities = expectedScores.Select(Platt.Probability).ToArray();
        Assert.Equal(expectedScores, onnx["up_score"]);
        var differentBits = expectedProbabilities.Where((p, i) => BitConverter.SingleToInt32Bits(p) != BitConverter.SingleToInt32Bits(onnx["up_probability"][i])).Count();
        var maxAbs = expectedProbabilities.Select((p, i) => Math.Abs(p - onnx["up_probability"][i])).Max();
        output.WriteLine($"{precision}: scores -60..60, probabilities {differentBits} of {scores.Length} not bit-identical, max abs {maxAbs:G3}");
        if (precision == TreeScorePrecision.Double)
            Assert.Equal(0, differentBits);
        else
            Assert.True(maxAbs <= 1e-5, $"max abs {maxAbs:G3}");
    }

    [Fact]
    public void OnnxModelWriter_must_write_the_same_bytes_for_the_same_heads_and_metadata()
    {
        var heads = new[] { Classifier("up", Platt, TwoSplits(), Staircase([1, 2, 3])), Regressor("ret", TwoSplits()) };
        var a = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" };
        var b = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" };

        Assert.Equal(OnnxModelWriter.Write(heads, Width, TreeScorePrecision.Double, a), OnnxModelWriter.Write(heads, Width, TreeScorePrecision.Double, b));
        Assert.NotEqual(OnnxModelWriter.Write(heads, Width, TreeScorePrecision.Double, a), OnnxModelWriter.Write(heads, Width, TreeScorePrecision.Float, a));
    }

    [Fact]
    public void OnnxModelWriter_must_refuse_clashing_outputs_narrow_inputs_reserved_keys_and_covers_that_do_not_fit()
    {
        var up = Classifier("up", Platt, TwoSplits());
        var covers = NodeCovers.Compute([up], [0, 1, 2], Width);

        Assert.Throws<ArgumentException>(() => OnnxModelWriter.Write([up, Regressor("up_score", TwoSplits())], Width, TreeScorePrecision.Float));
        Assert.Throws<ArgumentException>(() => OnnxModelWriter.Write([up, Regressor("up", TwoSplits())], Width, TreeScorePrecision.Float));
        Assert.Throws<ArgumentException>(() => OnnxModelWriter.Write([up], 2, TreeScorePrecision.Float));
        Assert.Throws<ArgumentException>(() => OnnxModelWriter.Write([up], Width, TreeScorePrecision.Float, new Dictionary<string, string> { [OnnxModelWriter.HeadsKey] = "x" }));
        Assert.Throws<ArgumentException>(() => OnnxModelWriter.Write([Regressor("other", TwoSplits())], Width, TreeScorePrecision.Float, covers: covers));
        Assert.Throws<ArgumentException>(() => OnnxModelWriter.Write([Classifier("up", Platt, TwoSplits(), TwoSplits())], Width, TreeScorePrecision.Float, covers: covers));
        Assert.Throws<ArgumentException>(() => OnnxModelWriter.Write([], Width, TreeScorePrecision.Float));
    }

    [Theory]
    [MemberData(nameof(Precisions))]
    public void OnnxTreeModelReader_must_read_back_the_heads_metadata_and_covers_it_wrote(TreeScorePrecision precision)
    {
        var heads = new[] { Classifier("up", Platt, TwoSplits(), DecisionTree.Stump, Staircase([0.1, -0.2, 0.3e-9])), Regressor("ret", Staircase([1, 2]), TwoSplits()) };
        var rows = TwoSplitsProbes().SelectMany(r => r).ToArray();
        var covers = NodeCovers.Compute(heads, rows, Width);
        var metadata = new Dictionary<string, string> { ["screener.model_version"] = "1.2.3" };

        var model = OnnxTreeModelReader.Read(OnnxModelWriter.Write(heads, Width, precision, metadata, covers));

        Assert.Equal(Width, model.FeatureCount);
        Assert.Equal(precision, model.Precision);
        Assert.Equal(heads.Length, model.Heads.Length);
        for (var h = 0; h < heads.Length; h++)
        {
            // The float path stores leaf weights as float, so that is what comes back.
            TreeAssert.SameHead(precision == TreeScorePrecision.Float ? LeavesAsFloat(heads[h]) : heads[h], model.Heads[h]);
            Assert.Equal(covers[heads[h].Name].Select(c => c.ToArray()), model.Covers![heads[h].Name].Select(c => c.ToArray()));
        }

        Assert.Equal("1.2.3", model.Metadata["screener.model_version"]);
    }

    private static TreeHead LeavesAsFloat(TreeHead head) => new(
        head.Name,
        head.Kind,
        [.. head.Trees.Select(t => t.SplitCount == 0 ? t : new DecisionTree(t.LeftChild, t.RightChild, t.SplitFeature, t.Threshold, t.MissingGoesLeft, [.. t.LeafValues.Select(v => (double)(float)v)]))],
        head.Platt);

    private static IReadOnlyDictionary<string, float[]> Run(byte[] model, float[][] rows)
    {
        using var session = new InferenceSession(model);
        var flat = rows.SelectMany(r => r).ToArray();
        using var input = OrtValue.CreateTensorValueFromMemory(flat, [rows.Length, Width]);
        using var options = new RunOptions();
        var names = session.OutputNames.ToArray();
        using var outputs = session.Run(options, [OnnxModelWriter.InputName], [input], names);
        return names.Select((n, i) => (n, outputs[i].GetTensorDataAsSpan<float>().ToArray())).ToDictionary(x => x.n, x => x.Item2);
    }
}
