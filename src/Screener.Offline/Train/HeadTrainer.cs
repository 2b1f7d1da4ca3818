using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Screener.Offline.Export;

namespace Screener.Offline.Train;

/// <summary>
/// Trains, for every <see cref="TrainingHead"/>, a FastTree binary classifier on the label's <c>InPlay</c> and a FastTree
/// regressor on its <c>NetEdgeBps</c>, from the same rows. Each model gets a fresh <see cref="MLContext"/> with the
/// settings' seed and one thread, so the same rows (in the same order) always give the same trees, whatever the other
/// heads. Progress is reported after each model.
/// </summary>
public sealed class HeadTrainer
{
    private readonly HeadTrainerSettings _settings;
    private readonly Action<HeadProgress>? _progress;

    public HeadTrainer(HeadTrainerSettings settings, Action<HeadProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings.Validate();
        _progress = progress;
    }

    /// <summary>The models of every head of <paramref name="heads"/>, in order.</summary>
    /// <param name="heads">The heads; each row has one label per head, in this order.</param>
    /// <param name="rows">Training rows: every label complete, all features the same width.</param>
    /// <exception cref="ArgumentException">No rows, features of different widths, a label count that is not the head count, or an incomplete label.</exception>
    public IReadOnlyList<TrainedHead> Train(IReadOnlyList<TrainingHead> heads, IReadOnlyList<TrainingRow> rows)
    {
        ArgumentNullException.ThrowIfNull(heads);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) throw new ArgumentException("No rows to train on.", nameof(rows));
        var width = rows[0].Features.Count;
        foreach (var row in rows)
        {
            if (row.Features.Count != width) throw new ArgumentException($"Row {row.Symbol} at {row.Time}: {row.Features.Count} features, expected {width}.", nameof(rows));
            if (row.Labels.Count != heads.Count) throw new ArgumentException($"Row {row.Symbol} at {row.Time}: {row.Labels.Count} labels for {heads.Count} heads.", nameof(rows));
            if (row.Labels.Any(l => !l.Complete)) throw new ArgumentException($"Row {row.Symbol} at {row.Time}: an incomplete label.", nameof(rows));
        }

        var clock = Stopwatch.StartNew();
        var schema = MlRow.Schema(width);
        var trained = new List<TrainedHead>(heads.Count);
        for (var h = 0; h < heads.Count; h++)
        {
            var head = heads[h];
            var data = rows.Select(r => new MlRow { Features = r.Features.AsSpan().ToArray(), Label = r.Labels[h].InPlay, Target = (float)r.Labels[h].NetEdgeBps }).ToList();

            var ml = new MLContext(_settings.Seed);
            var classifier = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                NumberOfTrees = _settings.Trees, NumberOfLeaves = _settings.Leaves, MinimumExampleCountPerLeaf = _settings.MinimumExampleCountPerLeaf,
                LearningRate = _settings.LearningRate, NumberOfThreads = 1, Seed = _settings.Seed,
            }).Fit(ml.Data.LoadFromEnumerable(data, schema));
            Report(2 * h + 1, 2 * heads.Count, head.Name + "_in_play", rows.Count, clock);

            ml = new MLContext(_settings.Seed);
            var regressor = ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
            {
                LabelColumnName = nameof(MlRow.Target), NumberOfTrees = _settings.Trees, NumberOfLeaves = _settings.Leaves,
                MinimumExampleCountPerLeaf = _settings.MinimumExampleCountPerLeaf, LearningRate = _settings.LearningRate, NumberOfThreads = 1, Seed = _settings.Seed,
            }).Fit(ml.Data.LoadFromEnumerable(data, schema));
            Report(2 * h + 2, 2 * heads.Count, head.Name + "_net_edge", rows.Count, clock);

            trained.Add(new TrainedHead(head, classifier, regressor,
                MlNetTreeReader.Read(head.Name + "_in_play", classifier), MlNetTreeReader.Read(head.Name + "_net_edge", regressor)));
        }
        return trained;
    }

    /// <summary>ML.NET's scores of <paramref name="model"/> for <paramref name="features"/>: the raw score, and the probability for a classifier.</summary>
    public static (float[] Score, float[]? Probability) Score(ITransformer model, IReadOnlyList<float[]> features)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(features);
        var ml = new MLContext(0);
        var width = features.Count == 0 ? 1 : features[0].Length;
        var scored = model.Transform(ml.Data.LoadFromEnumerable(features.Select(f => new MlRow { Features = f }), MlRow.Schema(width)));
        var score = scored.GetColumn<float>("Score").ToArray();
        var probability = scored.Schema.GetColumnOrNull("Probability") is null ? null : scored.GetColumn<float>("Probability").ToArray();
        return (score, probability);
    }

    private void Report(int index, int count, string model, int rows, Stopwatch clock) =>
        _progress?.Invoke(new HeadProgress(index, count, model, rows, clock.Elapsed));

    /// <summary>One row as ML.NET reads it; the feature width is set per run through the schema.</summary>
    private sealed class MlRow
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }

        public float Target { get; set; }

        public static SchemaDefinition Schema(int width)
        {
            var schema = SchemaDefinition.Create(typeof(MlRow));
            schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
            return schema;
        }
    }
}
