using System.Diagnostics;
using System.Globalization;
using Screener.Analytics.Models.Trees;
using Screener.Analytics.Features;
using Screener.Analytics.Labels;
using Screener.Analytics.Models;
using Screener.Generate;
using Screener.Offline.Export;
using Screener.Offline.Train;
using Screener.Offline.Validate;

namespace Screener.Commands;

/// <summary>
/// <c>screener validate --model models/manifest.json --db PATH [--rows test|all] [--out DIR] [--top-k 5] [--check]</c>:
/// the model's validation report (<see cref="ValidationRun"/>, <see cref="ValidationReport"/>): Markdown and PNG figures.
/// <c>--rows test</c> (the default) rebuilds the training journal's rows and evaluates the manifest's test split, with
/// the validation split calibrating the baselines and fitting the oracle; <c>--rows all</c> takes another journal, whose
/// first quarter calibrates and the rest, after a purge gap, is evaluated. The oracle appears for simulated journals.
/// <para>Exit codes: 2 for a wrong command line, a missing or malformed model or journal, or a model of another feature
/// spec; 1 when the journal cannot be validated on (or, with <c>--check</c>, when a target is missed).</para>
/// </summary>
public static class ValidateCommand
{
    public static async Task<int> RunAsync(CommandLine cl, CancellationToken ct)
    {
        var manifestPath = cl.String("model") ?? Path.Combine("models", ModelManifestFile.ManifestName);
        var db = cl.String("db") ?? Defaults.DbPath;
        var rowsOption = cl.String("rows") ?? "test";
        var k = cl.Int("top-k") ?? 5;
        var shard = cl.String("shard");
        var configFile = cl.String("config");
        var check = cl.Flag("check");
        var output = cl.String("out");
        cl.RejectUnknown();
        if (rowsOption is not ("test" or "all")) throw new UsageException($"--rows must be 'test' or 'all', was '{rowsOption}'.");
        if (k < 1) throw new UsageException($"--top-k must be at least 1, was {k}.");
        if (Directory.Exists(manifestPath)) manifestPath = Path.Combine(manifestPath, ModelManifestFile.ManifestName);
        if (!File.Exists(manifestPath)) throw new UsageException($"No model manifest at '{Path.GetFullPath(manifestPath)}'. Train one with 'screener train' or pass --model.");
        output ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(manifestPath))!, "validation");

        ModelManifest manifest;
        OnnxTreeModel model;
        RegimeModel regime;
        var spec = MarketFeatures.Spec;
        try
        {
            manifest = ModelManifestFile.Read(manifestPath);
            if (manifest.FeatureSpec.Hash != spec.Hash)
                throw new UsageException($"The model reads feature spec {manifest.FeatureSpec.Hash} ({manifest.FeatureSpec.Version}); this build computes {spec.Hash} ({spec.Version}). Retrain the model.");
            model = OnnxTreeModelReader.Read(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(manifestPath))!, manifest.Model.File));
            regime = RegimeModel.Create(ModelManifestFile.ReadRegime(manifestPath, manifest), spec);
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }

        var clock = Stopwatch.StartNew();
        TrainingSet set;
        IReadOnlyList<PlantedEpisode>? episodes = null;
        string journalName;
        await using (var journal = await JournalInput.OpenAsync(db, shard, ct, configFile))
        {
            journalName = $"{Path.GetFileName(journal.Path)} {journal.PersistenceId}";
            var profiles = manifest.Heads.Select(h => h.Profile).Distinct(StringComparer.Ordinal)
                .Select(name => journal.Settings.Scoring.Profiles.FirstOrDefault(p => p.Name == name)
                                ?? throw new UsageException($"The model has heads for profile '{name}', which the configuration lacks (it has {string.Join(", ", journal.Settings.Scoring.Profiles.Select(p => p.Name))})."))
                .ToList();
            var horizons = manifest.Heads.Select(h => TimeSpan.FromSeconds(h.HorizonSeconds)).Distinct().Order().ToList();
            (set, _) = await journal.TrainingRowsAsync(features => new TrainingRowBuilder(features, new LabelBuilder(profiles, horizons),
                TimeSpan.FromSeconds(manifest.TrainingData.RowEverySeconds)), Say, clock, ct);
            Say($"rows: {set.Counts} ({clock.Elapsed.TotalSeconds:F1} s)");
            if (EpisodeTable.IsGenerated(journal.Path)) episodes = EpisodeTable.ReadPlanted(journal.Path);
        }

        var (evaluated, calibration, context) = rowsOption == "test" ? TestSplit(manifest, set, journalName) : Fresh(manifest, set, journalName);
        if (episodes is not null) context.Add($"The journal is simulated: the oracle knows its {episodes.Count:N0} planted episodes.");
        ValidationResult result;
        try
        {
            result = ValidationRun.Run(manifest, model, regime, spec, set.Heads, evaluated, calibration, episodes, rowsOption == "test" ? "the test split" : "a fresh journal", k, Say);
        }
        catch (ArgumentException e)
        {
            throw new CommandFailedException($"Cannot validate on '{db}': {e.Message}", e);
        }
        var report = ValidationReport.Write(result, output, context);

        System.Console.WriteLine($"validation of {manifest.ModelVersion}");
        System.Console.WriteLine($"  report: {report}");
        foreach (var head in result.Heads)
        {
            var v = ValidationTargets.Judge(head);
            var m = head.Scorer(ValidationRun.Model);
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {head.Head,-11} AUC {m.Auc:F3}  ECE {m.Ece:F4} {(v.Calibrated ? "ok" : "MISSED")}  oracle {(v.NearOracle is { } n ? n ? "ok" : "MISSED" : "n/a")}  top-K edge {m.TopK.MeanSelectedValue:F2} bps {(v.BeatsBaselines ? "ok" : "MISSED")}"));
        }
        var met = ValidationTargets.AllMet(result);
        System.Console.WriteLine(met ? "  every judged target met" : "  not every target met");
        System.Console.WriteLine($"  took {clock.Elapsed.TotalSeconds:F1} s");
        return check && !met ? 1 : 0;
    }

    /// <summary>The manifest's test split, with its validation split for calibration; both must be in the journal.</summary>
    private static (List<TrainingRow>, List<TrainingRow>, List<string>) TestSplit(ModelManifest manifest, TrainingSet set, string journal)
    {
        var test = set.Rows.Where(r => r.Time >= manifest.Split.Test.FromTicks && r.Time <= manifest.Split.Test.ToTicks).ToList();
        var validation = set.Rows.Where(r => r.Time >= manifest.Split.Validation.FromTicks && r.Time <= manifest.Split.Validation.ToTicks).ToList();
        if (test.Count != manifest.Split.Test.Rows || validation.Count != manifest.Split.Validation.Rows)
            throw new CommandFailedException(
                $"The journal gives {test.Count:N0} test and {validation.Count:N0} validation rows where the model was trained with {manifest.Split.Test.Rows:N0} and {manifest.Split.Validation.Rows:N0}: " +
                "it is not the model's training journal (or not under the same configuration). Use --rows all for another journal.");
        return (test, validation,
        [
            $"Journal {journal}: the model's test split, {manifest.Split.Test.From} .. {manifest.Split.Test.To}, {test.Count:N0} rows.",
            $"Baselines calibrated (and the oracle fitted) on the validation split, {manifest.Split.Validation.From} .. {manifest.Split.Validation.To}, {validation.Count:N0} rows.",
        ]);
    }

    /// <summary>Another journal: its first quarter calibrates, the rest after a purge gap of the longest horizon is evaluated.</summary>
    private static (List<TrainingRow>, List<TrainingRow>, List<string>) Fresh(ModelManifest manifest, TrainingSet set, string journal)
    {
        if (set.Rows.Count < 8) throw new CommandFailedException($"The journal gives {set.Rows.Count} rows; too few to validate on.");
        var cut = set.Rows[set.Rows.Count / 4].Time;
        var purge = TimeSpan.FromSeconds(manifest.Heads.Max(h => h.HorizonSeconds)).Ticks;
        var calibration = set.Rows.Where(r => r.Time < cut).ToList();
        var evaluated = set.Rows.Where(r => r.Time > cut + purge).ToList();
        if (evaluated.Count == 0) throw new CommandFailedException("The journal is shorter than its calibration quarter plus the purge gap; nothing left to evaluate.");
        return (evaluated, calibration,
        [
            $"Journal {journal}: rows after the first quarter and a purge gap of {TimeSpan.FromTicks(purge).TotalSeconds:0} s, {evaluated.Count:N0} rows.",
            $"Baselines calibrated (and the oracle fitted) on the first quarter, {calibration.Count:N0} rows.",
        ]);
    }

    private static void Say(string line) => System.Console.Error.WriteLine($"validate: {line}");
}
