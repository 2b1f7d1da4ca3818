using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using Screener.Offline.Export;

namespace Screener.Offline.Tests.Export;

/// <summary>
/// Trains four small models once for the export specs (FastTree and LightGBM, binary and regression, 50 trees of 16
/// leaves on 3,000 seeded synthetic rows), round-trips each through ML.NET's .zip format as the real export path
/// would, reads them into heads, and writes all four into one ONNX file per precision (with covers and metadata), each
/// opened in an ONNX Runtime session. Evaluation sets come from a separate 1,000-row test split: clean, with ~10% of
/// values NaN, and with about half the values set exactly to a split threshold of that feature from the exported trees.
/// </summary>
public sealed class TrainedHeadsFixture : IDisposable
{
    public const int TrainRows = 3_000;
    public const int TestRows = 1_000;
    public const int Trees = 50;
    public const int Leaves = 16;
    public const double FastTreeLearningRate = 0.2;

    public static readonly IReadOnlyDictionary<string, string> CallerMetadata = new Dictionary<string, string>
    {
        ["screener.feature_spec_hash"] = "sha256:0123456789abcdef",
        ["screener.model_version"] = "0.1.0+test",
        ["screener.heads"] = "ft_up,ft_ret,lgb_up,lgb_ret",
    };

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "screener-onnx-export-" + Guid.NewGuid().ToString("N"));
    private readonly ConcurrentDictionary<(TreeScorePrecision, string), IReadOnlyDictionary<string, float[]>> _onnx = new();
    private readonly Dictionary<TreeScorePrecision, InferenceSession> _sessions = [];

    public TrainedHeadsFixture()
    {
        var clock = Stopwatch.StartNew();
        Ml = new MLContext(seed: 7);
        var train = SyntheticRows.Create(TrainRows, seed: 1, nanRowShare: 0.05);
        var test = SyntheticRows.Create(TestRows, seed: 2, nanRowShare: 0);
        var data = Ml.Data.LoadFromEnumerable(train);
        Models = new Dictionary<string, ITransformer>
        {
            ["ft_up"] = RoundTrip(Ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                NumberOfTrees = Trees, NumberOfLeaves = Leaves, MinimumExampleCountPerLeaf = 20, LearningRate = FastTreeLearningRate, NumberOfThreads = 1,
            }).Fit(data), data),
            ["ft_ret"] = RoundTrip(Ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
            {
                LabelColumnName = nameof(SyntheticRow.Target), NumberOfTrees = Trees, NumberOfLeaves = Leaves, MinimumExampleCountPerLeaf = 20, LearningRate = FastTreeLearningRate, NumberOfThreads = 1,
            }).Fit(data), data),
            ["lgb_up"] = RoundTrip(Ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                NumberOfIterations = Trees, NumberOfLeaves = Leaves, MinimumExampleCountPerLeaf = 20, LearningRate = 0.1, HandleMissingValue = true, NumberOfThreads = 1, Seed = 7,
            }).Fit(data), data),
            ["lgb_ret"] = RoundTrip(Ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
            {
                LabelColumnName = nameof(SyntheticRow.Target), NumberOfIterations = Trees, NumberOfLeaves = Leaves, MinimumExampleCountPerLeaf = 20, LearningRate = 0.1, HandleMissingValue = true, NumberOfThreads = 1, Seed = 7,
            }).Fit(data), data),
        };
        TrainingTime = clock.Elapsed;

        Heads = [.. Models.Select(m => MlNetTreeReader.Read(m.Key, m.Value))];
        TrainFeatures = SyntheticRows.Flatten([.. train.Select(r => r.Features)]);
        Covers = NodeCovers.Compute(Heads, TrainFeatures, SyntheticRows.FeatureCount);

        Directory.CreateDirectory(_directory);
        foreach (var precision in new[] { TreeScorePrecision.Float, TreeScorePrecision.Double })
        {
            var path = ModelPath(precision);
            File.WriteAllBytes(path, OnnxModelWriter.Write(Heads, SyntheticRows.FeatureCount, precision, CallerMetadata, Covers));
            _sessions[precision] = new InferenceSession(path);
        }

        Exported = OnnxTreeModelReader.Read(ModelPath(TreeScorePrecision.Double));
        var clean = test.Select(r => r.Features).ToArray();
        Sets = new Dictionary<string, float[][]>
        {
            [Clean] = clean,
            [Missing] = WithMissing(clean, share: 0.1, seed: 3),
            [OnThresholds] = OnSplitThresholds(clean, Exported.Heads, share: 0.5, seed: 4),
        };
        SetupTime = clock.Elapsed;
    }

    public const string Clean = "clean";
    public const string Missing = "10% missing";
    public const string OnThresholds = "on split thresholds";

    public MLContext Ml { get; }
    public IReadOnlyDictionary<string, ITransformer> Models { get; }
    public ImmutableArray<TreeHead> Heads { get; }
    public float[] TrainFeatures { get; }
    public NodeCovers Covers { get; }
    public OnnxTreeModel Exported { get; }
    public IReadOnlyDictionary<string, float[][]> Sets { get; }
    public TimeSpan TrainingTime { get; }
    public TimeSpan SetupTime { get; }

    public string ModelPath(TreeScorePrecision precision) => Path.Combine(_directory, $"heads.{OnnxName(precision)}.onnx");

    public InferenceSession Session(TreeScorePrecision precision) => _sessions[precision];

    /// <summary>Every output of the model for one evaluation set, from one ONNX Runtime <c>Run</c> call.</summary>
    public IReadOnlyDictionary<string, float[]> Onnx(TreeScorePrecision precision, string set) =>
        _onnx.GetOrAdd((precision, set), key => RunOnce(_sessions[key.Item1], Sets[key.Item2]));

    /// <summary>ML.NET's Score (and Probability for a classifier) for one head over one evaluation set.</summary>
    public (float[] Score, float[]? Probability) MlNet(string head, string set)
    {
        var rows = Sets[set].Select(f => new SyntheticRow { Features = f }).ToList();
        var scored = Models[head].Transform(Ml.Data.LoadFromEnumerable(rows));
        var score = scored.GetColumn<float>("Score").ToArray();
        var probability = scored.Schema.GetColumnOrNull("Probability") is null ? null : scored.GetColumn<float>("Probability").ToArray();
        return (score, probability);
    }

    public static IReadOnlyDictionary<string, float[]> RunOnce(InferenceSession session, float[][] rows)
    {
        var flat = SyntheticRows.Flatten(rows);
        using var input = OrtValue.CreateTensorValueFromMemory(flat, [rows.Length, SyntheticRows.FeatureCount]);
        using var options = new RunOptions();
        var names = session.OutputNames.ToArray();
        using var outputs = session.Run(options, [OnnxModelWriter.InputName], [input], names);
        return names.Select((n, i) => (n, outputs[i].GetTensorDataAsSpan<float>().ToArray())).ToDictionary(x => x.n, x => x.Item2);
    }

    public void Dispose()
    {
        foreach (var session in _sessions.Values)
            session.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static string OnnxName(TreeScorePrecision precision) => precision == TreeScorePrecision.Double ? "f64" : "f32";

    private ITransformer RoundTrip(ITransformer model, IDataView data)
    {
        using var stream = new MemoryStream();
        Ml.Model.Save(model, data.Schema, stream);
        stream.Position = 0;
        return Ml.Model.Load(stream, out _);
    }

    private static float[][] WithMissing(float[][] rows, double share, int seed)
    {
        var random = new Random(seed);
        return [.. rows.Select(r => r.Select(v => random.NextDouble() < share ? float.NaN : v).ToArray())];
    }

    // Each value, with probability `share`, becomes one of the thresholds some exported tree splits that feature at.
    private static float[][] OnSplitThresholds(float[][] rows, IEnumerable<TreeHead> heads, double share, int seed)
    {
        var byFeature = new SortedDictionary<int, SortedSet<float>>();
        foreach (var tree in heads.SelectMany(h => h.Trees))
        {
            for (var k = 0; k < tree.SplitCount; k++)
            {
                if (!byFeature.TryGetValue(tree.SplitFeature[k], out var set))
                    byFeature[tree.SplitFeature[k]] = set = [];
                set.Add(tree.Threshold[k]);
            }
        }

        var thresholds = byFeature.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
        var random = new Random(seed);
        return [.. rows.Select(r => r.Select((v, j) =>
            random.NextDouble() < share && thresholds.TryGetValue(j, out var t) ? t[random.Next(t.Length)] : v).ToArray())];
    }
}
