using System.Text.Json;
using System.Text.Json.Nodes;
using Screener.Analytics.Features;
using Screener.Analytics.Models;
using static Screener.Tests.Commands.CliProcess;

namespace Screener.Tests.Commands;

/// <summary>
/// A short generated journal (12 simulated minutes, 6 symbols, planted episodes) and horizons of 10 s and 30 s, so a
/// real <c>screener train</c> and <c>screener validate</c> run in seconds.
/// </summary>
public sealed class TrainingJournalFixture : IAsyncLifetime
{
    public string Folder { get; } = Path.GetDirectoryName(JournalFixture.TempDb("training.db"))!;

    public string Db => Path.Combine(Folder, "training.db");

    public string Config => Path.Combine(Folder, "short-horizons.conf");

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(Config, "screener.pipeline.horizons = [10, 30]\n");
        var (exit, _, stderr) = await RunAsync("sim", "--generate", "--hours", "0.2", "--symbols", "6", "--seed", "5", "--episode-rate", "8", "--db", Db);
        Assert.True(exit == 0, stderr);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Trains into a new folder; returns it with the process's output.</summary>
    public async Task<(string Models, int Exit, string Stdout, string Stderr)> TrainAsync(params string[] extra)
    {
        var models = Path.Combine(Folder, "models-" + Guid.NewGuid().ToString("N")[..8]);
        var (exit, stdout, stderr) = await RunAsync(
            ["train", "--db", Db, "--out", models, "--config", Config, "--trees", "10", "--leaves", "8", "--min-leaf", "10", "--git-sha", "0123abc", .. extra]);
        return (models, exit, stdout, stderr);
    }
}

/// <summary><c>screener train</c> and <c>screener validate</c> as real processes: the package, the report, and how they fail.</summary>
public sealed class TrainValidateCommandSpec(TrainingJournalFixture journal) : IClassFixture<TrainingJournalFixture>
{
    [Fact]
    public async Task Train_must_package_the_same_model_twice_and_validate_must_report_every_scorer_with_figures()
    {
        var (models, exit, stdout, stderr) = await journal.TrainAsync();
        Assert.True(exit == 0, stderr + stdout);
        var (again, exitAgain, _, stderrAgain) = await journal.TrainAsync();
        Assert.True(exitAgain == 0, stderrAgain);

        Assert.Equal(["MODEL_CARD.md", "manifest.json", "regime.json", "screener-model.onnx"], Directory.GetFiles(models).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in Directory.GetFiles(models))
            Assert.Equal(await File.ReadAllBytesAsync(file), await File.ReadAllBytesAsync(Path.Combine(again, Path.GetFileName(file))));
        var manifest = ModelManifestFile.Read(Path.Combine(models, "manifest.json"));
        Assert.StartsWith("0.1.0+0123abc.", manifest.ModelVersion, StringComparison.Ordinal);
        Assert.Equal(MarketFeatures.Spec.Hash, manifest.FeatureSpec.Hash);
        Assert.Equal(["taker_10s", "taker_30s", "maker_10s", "maker_30s"], manifest.Heads.Select(h => h.Name));
        Assert.True(manifest.TrainingData.Simulated);
        Assert.Equal(["tod_sin", "tod_cos"], manifest.Trainer.ExcludedFeatures);
        Assert.Contains($"model {manifest.ModelVersion}", stdout, StringComparison.Ordinal);
        Assert.Contains("train: [8/8] maker_30s_net_edge", stderr, StringComparison.Ordinal);
        Assert.Contains("time of day is left out", stderr, StringComparison.Ordinal);
        Assert.Contains("Trained on simulated data", await File.ReadAllTextAsync(Path.Combine(models, "MODEL_CARD.md")), StringComparison.Ordinal);

        var report = Path.Combine(journal.Folder, "report-" + Guid.NewGuid().ToString("N")[..8]);
        (exit, stdout, stderr) = await RunAsync("validate", "--model", models, "--db", journal.Db, "--config", journal.Config, "--out", report);
        Assert.True(exit == 0, stderr + stdout);
        var markdown = await File.ReadAllTextAsync(Path.Combine(report, "report.md"));
        Assert.Contains($"Model `{manifest.ModelVersion}`", markdown, StringComparison.Ordinal);
        Assert.Contains($"the model's test split, {manifest.Split.Test.From} .. {manifest.Split.Test.To}, {manifest.Split.Test.Rows:N0} rows", markdown, StringComparison.Ordinal);
        foreach (var head in manifest.Heads)
        {
            foreach (var scorer in new[] { "model", "volatility rank", "volume spike", "oracle" })
                Assert.Matches($@"\| {scorer} \| 0\.\d{{3}} \|", markdown.Split($"## {head.Name}")[1]);
            foreach (var png in new[] { $"reliability_{head.Name}.png", $"roc_{head.Name}.png", $"ablation_{head.Name}.png" })
            {
                Assert.Contains($"({png})", markdown, StringComparison.Ordinal);
                Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await File.ReadAllBytesAsync(Path.Combine(report, png)))[..4]);
            }
            // The model's figures on the test split are the ones training measured.
            var trained = manifest.TestMetrics.Single(m => m.Head == head.Name);
            Assert.Contains($"| model | {trained.Auc:F3} |", markdown.Split($"## {head.Name}")[1], StringComparison.Ordinal);
            Assert.Contains($"  {head.Name,-11} AUC {trained.Auc:F3}  ECE {trained.Ece:F4}", stdout, StringComparison.Ordinal);
        }
        Assert.Contains("| returns and volatility |", markdown, StringComparison.Ordinal);
        Assert.Matches(@"Per regime:[\s\S]*\| (calm|normal|stressed) \| [0-9,]+ \|", markdown);
    }

    [Fact]
    public async Task Train_and_validate_must_refuse_bad_input_with_a_reason()
    {
        var missing = Path.Combine(journal.Folder, "missing.db");
        var (exit, _, stderr) = await RunAsync("train", "--db", missing);
        Assert.Equal(2, exit);
        Assert.Contains("No journal at", stderr, StringComparison.Ordinal);

        (exit, _, stderr) = await RunAsync("train", "--db", journal.Db, "--precision", "half");
        Assert.Equal(2, exit);
        Assert.Contains("--precision must be 'double' or 'float'", stderr, StringComparison.Ordinal);

        (exit, _, stderr) = await RunAsync("train", "--db", journal.Db, "--semver", "1.0");
        Assert.Equal(2, exit);
        Assert.Contains("'1.0' is not a SemVer core", stderr, StringComparison.Ordinal);

        (exit, _, stderr) = await RunAsync("validate", "--model", Path.Combine(journal.Folder, "no-models"), "--db", journal.Db);
        Assert.Equal(2, exit);
        Assert.Contains("No model manifest at", stderr, StringComparison.Ordinal);

        var (models, trained, _, trainErr) = await journal.TrainAsync();
        Assert.True(trained == 0, trainErr);

        // Validating the test split on another journal: the split's rows are not there.
        var other = Path.Combine(journal.Folder, "other-" + Guid.NewGuid().ToString("N")[..8] + ".db");
        (exit, _, stderr) = await RunAsync("sim", "--generate", "--hours", "0.05", "--symbols", "3", "--seed", "9", "--db", other);
        Assert.True(exit == 0, stderr);
        (exit, _, stderr) = await RunAsync("validate", "--model", models, "--db", other, "--config", journal.Config);
        Assert.Equal(1, exit);
        Assert.Contains("it is not the model's training journal", stderr, StringComparison.Ordinal);

        // A manifest for another feature spec is refused, naming both hashes.
        var path = Path.Combine(models, "manifest.json");
        var json = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        json["featureSpec"]!["hash"] = "00000000deadbeef";
        await File.WriteAllTextAsync(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        (exit, _, stderr) = await RunAsync("validate", "--model", models, "--db", journal.Db, "--config", journal.Config);
        Assert.Equal(2, exit);
        Assert.Contains("00000000deadbeef", stderr, StringComparison.Ordinal);
        Assert.Contains(MarketFeatures.Spec.Hash, stderr, StringComparison.Ordinal);
    }
}
