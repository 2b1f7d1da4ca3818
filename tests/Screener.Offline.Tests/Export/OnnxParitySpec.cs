using Screener.Offline.Export;
using Xunit.Abstractions;
using static Screener.Offline.Tests.Export.TrainedHeadsFixture;

namespace Screener.Offline.Tests.Export;

/// <summary>
/// The export's acceptance check: ONNX Runtime, scoring all four heads in one <c>Run</c>, agrees with ML.NET on every
/// test row — bit for bit on the double path, within 1e-5 on the float path — on clean rows, rows with missing values
/// and rows with values exactly on split thresholds; the walker over the exported arrays agrees with ONNX Runtime.
/// </summary>
[Collection(TrainedHeadsCollection.Name)]
public sealed class OnnxParitySpec(TrainedHeadsFixture fixture, ITestOutputHelper output)
{
    private const float FloatTolerance = 1e-5f;

    public static TheoryData<string> Sets => [Clean, Missing, OnThresholds];

    [Theory]
    [MemberData(nameof(Sets))]
    public void OnnxModel_must_match_MlNet_bit_for_bit_on_the_double_path(string set)
    {
        var onnx = fixture.Onnx(TreeScorePrecision.Double, set);
        var failures = new List<string>();
        foreach (var head in fixture.Heads)
        {
            var (score, probability) = fixture.MlNet(head.Name, set);
            failures.AddRange(Check($"{set} {head.ScoreOutput}", score, onnx[head.ScoreOutput], tolerance: 0));
            if (probability is not null)
                failures.AddRange(Check($"{set} {head.ProbabilityOutput}", probability, onnx[head.ProbabilityOutput!], tolerance: 0));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void OnnxModel_must_match_MlNet_within_1e_5_on_the_float_path(string set)
    {
        var onnx = fixture.Onnx(TreeScorePrecision.Float, set);
        var failures = new List<string>();
        foreach (var head in fixture.Heads)
        {
            var (score, probability) = fixture.MlNet(head.Name, set);
            failures.AddRange(Check($"{set} {head.ScoreOutput}", score, onnx[head.ScoreOutput], FloatTolerance));
            if (probability is not null)
                failures.AddRange(Check($"{set} {head.ProbabilityOutput}", probability, onnx[head.ProbabilityOutput!], FloatTolerance));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Walker_over_the_exported_trees_must_match_OnnxRuntime_bit_for_bit_on_the_double_path(string set)
    {
        var onnx = fixture.Onnx(TreeScorePrecision.Double, set);
        var rows = fixture.Sets[set];
        var failures = new List<string>();
        foreach (var head in fixture.Exported.Heads)
        {
            var score = rows.Select(r => head.Score(r)).ToArray();
            failures.AddRange(Check($"{set} walker {head.ScoreOutput}", score, onnx[head.ScoreOutput], tolerance: 0));
            if (head.Platt is { } platt)
                failures.AddRange(Check($"{set} walker {head.ProbabilityOutput}", [.. score.Select(platt.Probability)], onnx[head.ProbabilityOutput!], tolerance: 0));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>
    /// Guards the parity checks against passing vacuously: the threshold set must put many walks exactly on a threshold,
    /// and BRANCH_LT (&lt; instead of &lt;=) must then disagree with ML.NET; the missing set must send NaN both ways in the
    /// LightGBM trees, and "NaN always goes right" must then disagree with ML.NET.
    /// </summary>
    [Fact]
    public void Evaluation_sets_must_hit_split_thresholds_exactly_and_send_missing_values_both_ways()
    {
        var onThreshold = fixture.Sets[OnThresholds];
        var missing = fixture.Sets[Missing];
        long exactHits = 0, nanLeft = 0, nanRight = 0;
        foreach (var head in fixture.Heads)
        {
            foreach (var row in onThreshold)
                Walk(head, row, (tree, node, value) => exactHits += value == tree.Threshold[node] ? 1 : 0);
            foreach (var row in missing.Where(_ => head.Name.StartsWith("lgb", StringComparison.Ordinal)))
                Walk(head, row, (tree, node, value) => { if (float.IsNaN(value)) _ = tree.MissingGoesLeft[node] ? nanLeft++ : nanRight++; });
        }

        var ltWrong = fixture.Heads.Sum(h => Disagreements(h, OnThresholds, (tree, node, value) => float.IsNaN(value) ? tree.MissingGoesLeft[node] : value < tree.Threshold[node]));
        var nanRightWrong = fixture.Heads.Where(h => h.Name.StartsWith("lgb", StringComparison.Ordinal))
            .Sum(h => Disagreements(h, Missing, (tree, node, value) => value <= tree.Threshold[node]));
        output.WriteLine($"on-threshold set: {exactHits} split visits exactly on the threshold; BRANCH_LT would change {ltWrong} of {4 * onThreshold.Length} head scores");
        output.WriteLine($"missing set (LightGBM heads): NaN went left {nanLeft} times, right {nanRight} times; NaN-always-right would change {nanRightWrong} of {2 * missing.Length} head scores");

        Assert.True(exactHits >= onThreshold.Length, $"only {exactHits} exact threshold hits");
        Assert.True(ltWrong > 0, "BRANCH_LT would pass: the threshold set does not test <= at all");
        Assert.True(nanLeft > 0 && nanRight > 0, $"NaN went left {nanLeft}, right {nanRight} times");
        Assert.True(nanRightWrong > 0, "ignoring missing directions would pass: the missing set does not test them");
    }

    private int Disagreements(TreeHead head, string set, Func<DecisionTree, int, float, bool> goesLeft)
    {
        var mlnet = fixture.MlNet(head.Name, set).Score;
        var rows = fixture.Sets[set];
        var count = 0;
        for (var r = 0; r < rows.Length; r++)
        {
            var sum = 0d;
            foreach (var tree in head.Trees)
            {
                var node = tree.SplitCount == 0 ? ~0 : 0;
                while (node >= 0)
                    node = goesLeft(tree, node, rows[r][tree.SplitFeature[node]]) ? tree.LeftChild[node] : tree.RightChild[node];
                sum += tree.LeafValues[~node];
            }

            count += (float)sum != mlnet[r] ? 1 : 0;
        }

        return count;
    }

    private static void Walk(TreeHead head, float[] row, Action<DecisionTree, int, float> visit)
    {
        foreach (var tree in head.Trees)
        {
            var node = tree.SplitCount == 0 ? ~0 : 0;
            while (node >= 0)
            {
                var value = row[tree.SplitFeature[node]];
                visit(tree, node, value);
                node = tree.GoesLeft(node, value) ? tree.LeftChild[node] : tree.RightChild[node];
            }
        }
    }

    // Compares per row; logs the figures either way; returns one failure line per output that is off.
    private IEnumerable<string> Check(string what, float[] expected, float[] actual, float tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        int differentBits = 0, beyond = 0;
        var maxAbs = 0d;
        for (var i = 0; i < expected.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
                differentBits++;
            var abs = Math.Abs((double)expected[i] - actual[i]);
            if (!(abs <= tolerance))
                beyond++;
            maxAbs = Math.Max(maxAbs, double.IsNaN(abs) ? double.PositiveInfinity : abs);
        }

        var line = $"{what}: {expected.Length} rows, {differentBits} not bit-identical, {beyond} beyond {tolerance:G2}, max abs {maxAbs:G3}, |value| up to {expected.Max(x => Math.Abs(x)):G3}";
        output.WriteLine(line);
        if (beyond > 0)
            yield return line;
    }
}
