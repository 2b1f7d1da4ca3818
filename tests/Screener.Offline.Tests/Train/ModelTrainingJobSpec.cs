using Microsoft.ML.OnnxRuntime;
using Screener.Analytics.Calibration;
using Screener.Analytics.Features;
using Screener.Analytics.Labels;
using Screener.Analytics.Models;
using Screener.Analytics.Scoring;
using Screener.Binance.Normalise;
using Screener.Offline.BuildFeatures;
using Screener.Offline.Export;
using Screener.Offline.Package;
using Screener.Offline.Tests.Support;
using Screener.Offline.Train;
using Screener.Offline.Validate;
using Screener.Pipeline;
using Xunit.Abstractions;

namespace Screener.Offline.Tests.Train;

/// <summary>
/// The whole training job on a simulator session (ten minutes, six symbols, horizons of 10 s and 30 s): the same rows give
/// the same package bytes; calibrators are fitted on the validation split; the model file scores every test-split row
/// in ONNX Runtime exactly as the trees the job evaluated; the manifest describes what was trained.
/// </summary>
public sealed class ModelTrainingJobSpec(ITestOutputHelper output)
{
    private static readonly PipelineSettings Settings = PipelineSettings.Default;
    private static readonly Lazy<TrainingSet> Set = new(() =>
    {
        var frames = SimSession.Record(new SimSessionOptions(Seed: 11, Steps: 6_000, SilentSymbol: null, PauseSteps: 0, MalformedAtStep: -1));
        var features = new OfflineFeatureBuilder(Settings,
            OfflineFeatureBuilder.OfflineServices(new BinanceFrameDecoder(), new BaselineScorer(Settings.Scoring), MarketFeatures.Spec));
        return new TrainingRowBuilder(features, new LabelBuilder(Settings.Scoring.Profiles, [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)]),
            TimeSpan.FromSeconds(1)).Build(frames);
    });

    private static readonly ModelTrainingOptions Options = new(new HeadTrainerSettings(Trees: 10, Leaves: 8, MinimumExampleCountPerLeaf: 10), RegimeClusters: 3);
    private static readonly ModelIdentity Identity = new("1.2.3", "0123456789ab");
    private static readonly TrainingSource Source = new("spec.db", "raw-s0", Simulated: true, "A simulator session.");

    [Fact]
    public void ModelTrainingJob_must_give_the_same_package_bytes_from_the_same_rows_and_report_each_step()
    {
        var lines = new List<string>();
        var first = ModelPackage.Build(ModelTrainingJob.Run(Set.Value, MarketFeatures.Spec, Options, lines.Add), Identity, Source);
        var second = ModelPackage.Build(ModelTrainingJob.Run(Set.Value, MarketFeatures.Spec, Options), Identity, Source);
        foreach (var line in lines) output.WriteLine(line);

        Assert.Equal(first.Onnx, second.Onnx);
        Assert.Equal(first.Regime, second.Regime);
        Assert.Equal(ModelManifestFile.ToJson(first.Manifest), ModelManifestFile.ToJson(second.Manifest));
        Assert.Equal(first.Card, second.Card);
        Assert.Contains(lines, l => l.StartsWith("split: ", StringComparison.Ordinal));
        Assert.Equal(2 * Set.Value.Heads.Count, lines.Count(l => l.StartsWith('[')));
        Assert.Equal(Set.Value.Heads.Count, lines.Count(l => l.StartsWith("calibrated ", StringComparison.Ordinal)));
        Assert.Equal(Set.Value.Heads.Count, lines.Count(l => l.StartsWith("test ", StringComparison.Ordinal)));

        // Another seed is another model, and another training hash: the comparisons above can fail.
        var reseeded = ModelPackage.Build(ModelTrainingJob.Run(Set.Value, MarketFeatures.Spec, Options with { Trainer = Options.Trainer with { Seed = 5 } }), Identity, Source);
        Assert.NotEqual(first.Onnx, reseeded.Onnx);
        Assert.NotEqual(first.Manifest.TrainingHash, reseeded.Manifest.TrainingHash);
    }

    [Fact]
    public void ModelTrainingJob_must_fit_each_calibrator_on_the_validation_split_and_describe_it_in_the_manifest()
    {
        var model = ModelTrainingJob.Run(Set.Value, MarketFeatures.Spec, Options);
        var package = ModelPackage.Build(model, Identity, Source);
        var manifest = package.Manifest;
        output.WriteLine(Set.Value.Counts.ToString());
        output.WriteLine(model.Splits.ToString());

        for (var h = 0; h < model.Heads.Count; h++)
        {
            var validation = model.Splits.Validation;
            var scores = validation.Select(r => (double)model.Heads[h].InPlay.Score(r.Features.AsSpan())).ToArray();
            var labels = validation.Select(r => r.Labels[h].InPlay).ToArray();
            var expected = IsotonicCalibrator.Fit(scores, labels, epsilon: Options.CalibrationEpsilon).ToSpec();
            Assert.Equal(expected, manifest.Heads[h].Calibrator);
            // Isotonic regression reproduces the validation split's in-play rate exactly (up to the epsilon clamp).
            var calibrated = scores.Select(manifest.Heads[h].Calibrator.ToCalibrator().Apply).ToArray();
            Assert.Equal(labels.Count(l => l) / (double)labels.Length, calibrated.Average(), 3);
            Assert.Equal(model.Heads[h].InPlay.ScoreOutput, manifest.Heads[h].InPlayScoreOutput);
            Assert.Equal(model.Heads[h].NetEdge.ScoreOutput, manifest.Heads[h].NetEdgeOutput);
        }

        Assert.Equal("1.2.3+0123456789ab." + manifest.DataCutoff + "." + manifest.TrainingHash, manifest.ModelVersion);
        Assert.Matches("^[0-9]{8}T[0-9]{6}Z$", manifest.DataCutoff);
        Assert.Matches("^[0-9a-f]{16}$", manifest.TrainingHash);
        Assert.Equal(MarketFeatures.Spec.Hash, manifest.FeatureSpec.Hash);
        Assert.Equal(MarketFeatures.Spec.Features.Select(f => f.Name), manifest.FeatureSpec.Names);
        Assert.Equal(ModelManifestFile.Sha256(package.Onnx), manifest.Model.Sha256);
        Assert.Equal(ModelManifestFile.Sha256(package.Regime), manifest.Regime.Sha256);
        Assert.Equal(model.Splits.Train.Count, manifest.Split.Train.Rows);
        Assert.Equal(model.Splits.Test[0].Time, manifest.Split.Test.FromTicks);
        Assert.Equal(1.0, manifest.TrainingData.RowEverySeconds);
        Assert.True(manifest.TrainingData.Simulated);
        Assert.Contains("Trained on simulated data", package.Card, StringComparison.Ordinal);
        Assert.All(manifest.TestMetrics, m => Assert.InRange(m.Auc, 0, 1));
    }

    [Fact]
    public void ModelPackage_must_write_files_that_read_back_and_a_regime_model_that_assigns_every_regime()
    {
        var model = ModelTrainingJob.Run(Set.Value, MarketFeatures.Spec, Options);
        var folder = Path.Combine(Path.GetTempPath(), "screener-package-" + Guid.NewGuid().ToString("N"));
        try
        {
            var manifestPath = ModelPackage.Build(model, Identity, Source).Write(folder);
            var manifest = ModelManifestFile.Read(manifestPath);
            Assert.Equal(["MODEL_CARD.md", "manifest.json", "regime.json", "screener-model.onnx"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));

            var regime = RegimeModel.Create(ModelManifestFile.ReadRegime(manifestPath, manifest), MarketFeatures.Spec);
            var assigned = model.Splits.Train.Select(r => regime.Assign(r.Features.AsSpan())).ToArray();
            Assert.Equal(3, assigned.Distinct().Count());
            Assert.Equal(RegimeTrainer.ThreeNames, regime.Names);

            // A changed model file is refused by name.
            File.AppendAllText(Path.Combine(folder, manifest.Model.File), "x");
            var e = Assert.Throws<FormatException>(() => ModelManifestFile.Read(manifestPath));
            Assert.Contains("screener-model.onnx", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_model_file_must_score_every_test_split_row_in_ONNX_Runtime_exactly_as_the_job_did()
    {
        var model = ModelTrainingJob.Run(Set.Value, MarketFeatures.Spec, Options);
        using var session = new InferenceSession(model.Onnx);
        var rows = model.Splits.Test;
        var width = MarketFeatures.Spec.Features.Count;
        var flat = new float[rows.Count * width];
        for (var i = 0; i < rows.Count; i++) rows[i].Features.AsSpan().CopyTo(flat.AsSpan(i * width));
        using var input = OrtValue.CreateTensorValueFromMemory(flat, [rows.Count, width]);
        var names = session.OutputNames.ToArray();
        using var outputs = session.Run(new RunOptions(), [OnnxModelWriter.InputName], [input], names);
        var byName = names.Select((n, i) => (n, outputs[i].GetTensorDataAsSpan<float>().ToArray())).ToDictionary(x => x.n, x => x.Item2);

        for (var h = 0; h < model.Heads.Count; h++)
        {
            var score = byName[model.Heads[h].InPlay.ScoreOutput];
            var edge = byName[model.Heads[h].NetEdge.ScoreOutput];
            for (var i = 0; i < rows.Count; i++)
            {
                Assert.Equal(BitConverter.SingleToInt32Bits((float)model.InPlayScore(h, rows[i].Features.AsSpan())), BitConverter.SingleToInt32Bits(score[i]));
                Assert.Equal(BitConverter.SingleToInt32Bits((float)model.NetEdge(h, rows[i].Features.AsSpan())), BitConverter.SingleToInt32Bits(edge[i]));
            }
            var probabilities = score.Select(s => model.Calibrators[h].Apply(s)).ToArray();
            var labels = rows.Select(r => r.Labels[h].InPlay).ToArray();
            Assert.Equal(model.TestMetrics[h].Auc, Metrics.Auc([.. score.Select(s => (double)s)], labels), 12);
            Assert.Equal(model.TestMetrics[h].Ece, Metrics.ExpectedCalibrationError(probabilities, labels), 12);
        }
    }

    [Fact]
    public void ModelTrainingJob_must_refuse_rows_of_another_feature_spec_and_splits_without_both_classes()
    {
        var other = Set.Value with { SpecHash = "0000000000000000" };
        var e = Assert.Throws<ArgumentException>(() => ModelTrainingJob.Run(other, MarketFeatures.Spec, Options));
        Assert.Contains("0000000000000000", e.Message, StringComparison.Ordinal);

        var none = Set.Value with { Rows = [.. Set.Value.Rows.Select(r => r with { Labels = r.Labels.AsSpan().ToArray().Select(l => l with { InPlay = false }).ToArray() })] };
        e = Assert.Throws<ArgumentException>(() => ModelTrainingJob.Run(none, MarketFeatures.Spec, Options));
        Assert.Contains("no in-play rows in the train split", e.Message, StringComparison.Ordinal);
    }
}
