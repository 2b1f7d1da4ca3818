using Screener.Analytics.Labels;
using Screener.Offline.Export;
using Screener.Offline.Train;
using Xunit.Abstractions;

namespace Screener.Offline.Tests.Train;

/// <summary>
/// Head training on seeded synthetic rows whose labels are a noisy function of the features: the same rows give the
/// same ONNX bytes and ML.NET scores, and the models learn (test AUC, net-edge correlation) on a purged time split.
/// </summary>
public sealed class HeadTrainerSpec(ITestOutputHelper output)
{
    private const int Features = 6;
    private static readonly long Cadence = TimeSpan.FromMilliseconds(250).Ticks;
    private static readonly TrainingHead[] Heads = [new("taker", TimeSpan.FromSeconds(5)), new("maker", TimeSpan.FromSeconds(10))];
    private static readonly HeadTrainerSettings Settings = new(Trees: 30, Leaves: 8);
    private static readonly TrainingSplits Splits = TimeSplit.Default(Heads).Apply(Rows(3_000, seed: 11));

    [Fact]
    public void HeadTrainer_must_train_byte_identical_models_from_the_same_rows_and_report_each_model()
    {
        var progress = new List<HeadProgress>();
        var first = new HeadTrainer(Settings, progress.Add).Train(Heads, Splits.Train);
        var second = new HeadTrainer(Settings).Train(Heads, Splits.Train);
        foreach (var p in progress) output.WriteLine(p.ToString());

        Assert.Equal(Onnx(first), Onnx(second));
        var test = Splits.Test.Select(r => r.Features.AsSpan().ToArray()).ToList();
        for (var h = 0; h < Heads.Length; h++)
        {
            var (score1, probability1) = HeadTrainer.Score(first[h].InPlayModel, test);
            var (score2, probability2) = HeadTrainer.Score(second[h].InPlayModel, test);
            Assert.Equal(score1, score2);
            Assert.Equal(probability1!, probability2!);
            Assert.Equal(HeadTrainer.Score(first[h].NetEdgeModel, test).Score, HeadTrainer.Score(second[h].NetEdgeModel, test).Score);
            // The exported trees score as ML.NET does.
            Assert.Equal(score1, test.Select(f => first[h].InPlay.Score(f)).ToArray());
        }

        Assert.Equal(["taker_5s_in_play", "taker_5s_net_edge", "maker_10s_in_play", "maker_10s_net_edge"], progress.Select(p => p.Model));
        Assert.Equal([1, 2, 3, 4], progress.Select(p => p.Index));
        Assert.All(progress, p => Assert.Equal(4, p.Count));
        Assert.All(progress, p => Assert.Equal(Splits.Train.Count, p.Rows));
        Assert.True(progress.Zip(progress.Skip(1)).All(p => p.Item1.Elapsed <= p.Item2.Elapsed));

        // A different seed changes the model: the byte comparison above can fail.
        var reseeded = new HeadTrainer(Settings with { Seed = 43 }).Train(Heads, Splits.Train.Where((_, i) => i % 10 != 0).ToList());
        Assert.NotEqual(Onnx(first), Onnx(reseeded));
    }

    [Fact]
    public void HeadTrainer_must_learn_a_learnable_relation_on_the_later_test_split()
    {
        var heads = new HeadTrainer(Settings).Train(Heads, Splits.Train);

        for (var h = 0; h < Heads.Length; h++)
        {
            var probabilities = Splits.Test.Select(r => (double)heads[h].InPlay.Probability(r.Features.AsSpan())).ToArray();
            var positives = Splits.Test.Select(r => r.Labels[h].InPlay).ToArray();
            var auc = Auc(probabilities, positives);
            var edges = Splits.Test.Select(r => (double)heads[h].NetEdge.Score(r.Features.AsSpan())).ToArray();
            var correlation = Correlation(edges, Splits.Test.Select(r => r.Labels[h].NetEdgeBps).ToArray());
            output.WriteLine($"{Heads[h].Name}: test AUC {auc:F3}, net-edge correlation {correlation:F3} ({Splits})");
            Assert.InRange(auc, 0.85, 1.0);
            Assert.InRange(correlation, 0.8, 1.0);
        }

        // On shuffled labels the same trainer learns nothing: the AUC check above can fail.
        var shuffled = Splits.Train.Select((r, i) => r with { Labels = Splits.Train[(i * 7919) % Splits.Train.Count].Labels }).ToList();
        var noise = new HeadTrainer(Settings).Train(Heads, shuffled);
        var noiseAuc = Auc(Splits.Test.Select(r => (double)noise[0].InPlay.Probability(r.Features.AsSpan())).ToArray(), Splits.Test.Select(r => r.Labels[0].InPlay).ToArray());
        output.WriteLine($"shuffled labels: test AUC {noiseAuc:F3}");
        Assert.InRange(noiseAuc, 0.35, 0.65);
    }

    [Fact]
    public void HeadTrainer_must_refuse_rows_with_incomplete_labels_or_missing_heads()
    {
        var trainer = new HeadTrainer(Settings);
        var row = Splits.Train[0];
        Assert.Throws<ArgumentException>(() => trainer.Train(Heads, [row with { Labels = new[] { row.Labels[0], Label.Incomplete(row.Time, false) } }]));
        Assert.Throws<ArgumentException>(() => trainer.Train(Heads, [row with { Labels = new[] { row.Labels[0] } }]));
        Assert.Throws<ArgumentException>(() => trainer.Train(Heads, []));
    }

    private static byte[] Onnx(IReadOnlyList<TrainedHead> heads) =>
        OnnxModelWriter.Write([.. heads.SelectMany(h => new[] { h.InPlay, h.NetEdge })], Features, TreeScorePrecision.Double);

    /// <summary>
    /// One symbol ticking every 250 ms; features uniform in [−1, 1]; each head's net edge a linear function of a few
    /// features plus noise, in play when positive.
    /// </summary>
    private static List<TrainingRow> Rows(int count, int seed)
    {
        var random = new Random(seed);
        var rows = new List<TrainingRow>(count);
        for (var i = 0; i < count; i++)
        {
            var time = 638_000_000_000_000_000 + i * Cadence;
            var x = new float[Features];
            for (var f = 0; f < Features; f++) x[f] = (float)(random.NextDouble() * 2 - 1);
            double[] edges = [10 * (x[0] + 0.5 * x[1] * x[1] - 0.3 * x[2]) - 1, 8 * (x[3] - x[0] * x[4]) + 0.5];
            var labels = edges.Select(e => e + (random.NextDouble() - 0.5) * 2)
                .Select(e => new Label(time, LabelSide.Long, Math.Max(e, 0) + 3, 3, e, e > 0, true, false)).ToArray();
            rows.Add(new TrainingRow("AAAUSDT", time, x, labels));
        }
        return rows;
    }

    /// <summary>The probability that a random positive scores above a random negative (ties count half), by ranks.</summary>
    private static double Auc(double[] scores, bool[] positives)
    {
        var order = Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).ToArray();
        var ranks = new double[scores.Length];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && scores[order[j + 1]] == scores[order[i]]) j++;
            for (var k = i; k <= j; k++) ranks[order[k]] = (i + j) / 2.0 + 1;
            i = j + 1;
        }
        double p = positives.Count(x => x), n = positives.Length - p;
        var rankSum = positives.Select((x, i) => x ? ranks[i] : 0).Sum();
        return (rankSum - p * (p + 1) / 2) / (p * n);
    }

    private static double Correlation(double[] a, double[] b)
    {
        double ma = a.Average(), mb = b.Average();
        var cov = a.Zip(b).Sum(p => (p.Item1 - ma) * (p.Item2 - mb));
        return cov / Math.Sqrt(a.Sum(x => (x - ma) * (x - ma)) * b.Sum(x => (x - mb) * (x - mb)));
    }
}
