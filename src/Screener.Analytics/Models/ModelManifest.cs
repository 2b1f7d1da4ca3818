using Screener.Analytics.Calibration;

namespace Screener.Analytics.Models;

/// <summary>
/// <c>models/manifest.json</c>: which model file to load and how to read its outputs, what it was trained on, and the
/// identity every prediction carries, <see cref="ModelVersion"/> =
/// <c>semver+git_sha.data_cutoff.training_hash</c> (SemVer build metadata). Files are named relative to the manifest's
/// folder and carry their SHA-256. Read and written by <see cref="ModelManifestFile"/>.
/// </summary>
public sealed record ModelManifest
{
    public const string CurrentFormat = "screener-model-manifest/1";

    public required string Format { get; init; }
    public required string ModelVersion { get; init; }
    public required string Semver { get; init; }
    public required string GitSha { get; init; }

    /// <summary>The last tick of the data the model was fitted and tested on, UTC, <c>yyyyMMddTHHmmssZ</c>.</summary>
    public required string DataCutoff { get; init; }

    /// <summary>SHA-256 (first 16 hex digits) over the training rows, labels, heads, split and trainer settings.</summary>
    public required string TrainingHash { get; init; }

    public required ManifestFeatureSpec FeatureSpec { get; init; }
    public required ManifestModelFile Model { get; init; }
    public required IReadOnlyList<ManifestHead> Heads { get; init; }
    public required ManifestRegime Regime { get; init; }
    public required ManifestTrainingData TrainingData { get; init; }
    public required ManifestTrainer Trainer { get; init; }
    public required ManifestSplit Split { get; init; }

    /// <summary>Per head, figures on the test split measured when the model was trained (the full report is <c>screener validate</c>'s).</summary>
    public required IReadOnlyList<ManifestHeadMetrics> TestMetrics { get; init; }
}

/// <summary>The feature spec the model reads: its input is one row of these values in this order.</summary>
public sealed record ManifestFeatureSpec(string Version, string Hash, IReadOnlyList<string> Names);

/// <summary>The ONNX file: one input (float [N, F]) and per head the outputs named in <see cref="ManifestHead"/>.</summary>
/// <param name="File">Relative to the manifest's folder.</param>
/// <param name="Sha256">Lower-case hex.</param>
/// <param name="Precision"><c>double</c> (bit-exact with ML.NET) or <c>float</c>.</param>
/// <param name="Input">The input's name.</param>
/// <param name="Bytes">File size.</param>
public sealed record ManifestModelFile(string File, string Sha256, string Precision, string Input, long Bytes);

/// <summary>One (profile, horizon): P(in play) from a calibrated classifier, expected net edge from a regressor.</summary>
/// <param name="Name">For example <c>taker_30s</c>.</param>
/// <param name="Profile">The execution profile's name.</param>
/// <param name="HorizonSeconds">The horizon.</param>
/// <param name="InPlayScoreOutput">The classifier's raw score output, which <paramref name="Calibrator"/> maps to P(in play).</param>
/// <param name="NetEdgeOutput">The regressor's output: expected net edge, bps.</param>
/// <param name="Calibrator">Fitted on the validation split's scores and labels.</param>
public sealed record ManifestHead(
    string Name, string Profile, int HorizonSeconds, string InPlayScoreOutput, string NetEdgeOutput, CalibratorSpec Calibrator);

/// <summary>The regime model file (<see cref="RegimeModelSpec"/> as JSON) and its regimes.</summary>
public sealed record ManifestRegime(string File, string Sha256, IReadOnlyList<string> Features, IReadOnlyList<string> Names);

/// <summary>What the model was trained on.</summary>
/// <param name="Source">The journal (file name), its raw persistence id, and whether a simulator generated it.</param>
/// <param name="Simulated">True when the journal was written by the simulator (<c>sim_run</c> table present).</param>
/// <param name="Symbols">Symbols with rows.</param>
/// <param name="RowEverySeconds">One row per symbol at each multiple of this.</param>
/// <param name="From">First row's time, ISO 8601 UTC.</param>
/// <param name="To">Last row's time, ISO 8601 UTC.</param>
/// <param name="Snapshots">Snapshots built from the journal.</param>
/// <param name="Rows">Rows kept (before the split).</param>
/// <param name="Excluded">Snapshots excluded, by reason.</param>
/// <param name="InPlayRate">Per head (in <see cref="ModelManifest.Heads"/> order), the share of training-split rows in play.</param>
public sealed record ManifestTrainingData(
    string Source, bool Simulated, IReadOnlyList<string> Symbols, double RowEverySeconds, string From, string To,
    long Snapshots, long Rows, IReadOnlyDictionary<string, long> Excluded, IReadOnlyList<double> InPlayRate);

/// <summary>The learner and its settings (the same for every head's classifier and regressor).</summary>
/// <param name="ExcludedFeatures">Features held constant while training, so no tree reads them.</param>
public sealed record ManifestTrainer(
    string Algorithm, int Trees, int Leaves, int MinimumExampleCountPerLeaf, double LearningRate, int Seed, int RegimeClusters,
    IReadOnlyList<string> ExcludedFeatures);

/// <summary>The time split: fractions, purge gap, and each split's first and last row time (ISO 8601 UTC) and row count.</summary>
public sealed record ManifestSplit(
    double TrainFraction, double ValidationFraction, double TestFraction, double PurgeSeconds,
    ManifestSplitPart Train, ManifestSplitPart Validation, ManifestSplitPart Test, long Purged);

/// <param name="From">First row's time, ISO 8601 UTC.</param>
/// <param name="To">Last row's time, ISO 8601 UTC.</param>
/// <param name="FromTicks">First row's time, UTC ticks (exact, for selecting the split again).</param>
/// <param name="ToTicks">Last row's time, UTC ticks.</param>
/// <param name="Rows">Rows in the split.</param>
public sealed record ManifestSplitPart(string From, string To, long FromTicks, long ToTicks, long Rows);

/// <summary>One head's test-split figures: AUC of the raw score, the calibrated probability's Brier, log loss and ECE (10 bins), and the net-edge correlation.</summary>
public sealed record ManifestHeadMetrics(string Head, long Rows, double InPlayRate, double Auc, double Brier, double LogLoss, double Ece, double NetEdgeCorrelation);
