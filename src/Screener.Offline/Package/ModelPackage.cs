using System.Globalization;
using Screener.Analytics.Models;
using Screener.Offline.Export;
using Screener.Offline.Train;

namespace Screener.Offline.Package;

/// <summary>
/// A trained model as the files a node loads: <see cref="ModelFile"/> (ONNX, every head), <see cref="RegimeFile"/>
/// (the regime model), <see cref="ModelManifestFile.ManifestName"/> and <see cref="CardFile"/>. Everything is a
/// function of the model, the identity and the source: the same inputs give the same bytes.
/// </summary>
public sealed class ModelPackage
{
    public const string ModelFile = "screener-model.onnx";
    public const string RegimeFile = "regime.json";
    public const string CardFile = "MODEL_CARD.md";

    private ModelPackage(ModelManifest manifest, byte[] onnx, byte[] regime, string card)
    {
        Manifest = manifest;
        Onnx = onnx;
        Regime = regime;
        Card = card;
    }

    public ModelManifest Manifest { get; }
    public byte[] Onnx { get; }
    public byte[] Regime { get; }
    public string Card { get; }

    /// <summary>Builds the manifest and the files' bytes.</summary>
    public static ModelPackage Build(TrainedModel model, ModelIdentity identity, TrainingSource source)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(source);
        identity.Validate();
        var set = model.Set;
        var splits = model.Splits;
        var regime = ModelManifestFile.ToJson(model.Regime);
        var cutoff = new DateTime(set.Rows[^1].Time, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var trainer = model.Options.Trainer;
        var manifest = new ModelManifest
        {
            Format = ModelManifest.CurrentFormat,
            ModelVersion = identity.Version(cutoff, model.TrainingHash),
            Semver = identity.Semver,
            GitSha = identity.GitSha,
            DataCutoff = cutoff,
            TrainingHash = model.TrainingHash,
            FeatureSpec = new ManifestFeatureSpec(model.Spec.Version, model.Spec.Hash, [.. model.Spec.Features.Select(f => f.Name)]),
            Model = new ManifestModelFile(ModelFile, ModelManifestFile.Sha256(model.Onnx), OnnxModelWriter.PrecisionName(model.Options.Precision),
                OnnxModelWriter.InputName, model.Onnx.Length),
            Heads = [.. model.Heads.Select((h, i) => new ManifestHead(
                h.Head.Name, h.Head.Profile, (int)h.Head.Horizon.TotalSeconds, h.InPlay.ScoreOutput, h.NetEdge.ScoreOutput, model.Calibrators[i].ToSpec()))],
            Regime = new ManifestRegime(RegimeFile, ModelManifestFile.Sha256(regime), model.Regime.Features, model.Regime.Names),
            TrainingData = new ManifestTrainingData(
                source.ToString(), source.Simulated, [.. set.Rows.Select(r => r.Symbol).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                RowEverySeconds(set), Iso(set.Rows[0].Time), Iso(set.Rows[^1].Time), set.Counts.Snapshots, set.Counts.Kept,
                new Dictionary<string, long>(StringComparer.Ordinal)
                {
                    ["offRowCadence"] = set.Counts.Thinned,
                    ["flagged"] = set.Counts.Flagged,
                    ["noObservation"] = set.Counts.NoObservation,
                    ["incompleteLabel"] = set.Counts.Incomplete,
                },
                [.. set.Heads.Select((_, h) => splits.Train.Count(r => r.Labels[h].InPlay) / (double)splits.Train.Count)]),
            Trainer = new ManifestTrainer("ML.NET FastTree", trainer.Trees, trainer.Leaves, trainer.MinimumExampleCountPerLeaf, trainer.LearningRate,
                trainer.Seed, model.Options.RegimeClusters, model.Options.Excluded),
            Split = new ManifestSplit(model.Options.TrainFraction, model.Options.ValidationFraction, model.Options.TestFraction,
                set.Heads.Max(h => h.Horizon).TotalSeconds, Part(splits.Train), Part(splits.Validation), Part(splits.Test), splits.Purged),
            TestMetrics = model.TestMetrics,
        };
        return new ModelPackage(manifest, model.Onnx, regime, ModelCard.Render(manifest, source));
    }

    /// <summary>
    /// Writes the four files into <paramref name="folder"/> (created if needed), each through a temporary file renamed
    /// into place, the manifest last, so a reader never finds a manifest naming a file not yet written.
    /// </summary>
    /// <returns>The manifest's path.</returns>
    public string Write(string folder)
    {
        Directory.CreateDirectory(folder);
        Put(folder, ModelFile, Onnx);
        Put(folder, RegimeFile, Regime);
        Put(folder, CardFile, System.Text.Encoding.UTF8.GetBytes(Card));
        return Put(folder, ModelManifestFile.ManifestName, ModelManifestFile.ToJson(Manifest));
    }

    private static string Put(string folder, string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        var partial = path + ".partial";
        File.WriteAllBytes(partial, bytes);
        File.Move(partial, path, overwrite: true);
        return path;
    }

    private static double RowEverySeconds(TrainingSet set)
    {
        var times = set.Rows.Select(r => r.Time).Distinct().ToArray();
        var step = long.MaxValue;
        for (var i = 1; i < times.Length; i++) step = Math.Min(step, times[i] - times[i - 1]);
        return step == long.MaxValue ? 0 : TimeSpan.FromTicks(step).TotalSeconds;
    }

    private static ManifestSplitPart Part(IReadOnlyList<TrainingRow> rows) =>
        new(Iso(rows[0].Time), Iso(rows[^1].Time), rows[0].Time, rows[^1].Time, rows.Count);

    internal static string Iso(long ticks) => new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
