using System.Diagnostics;
using System.Globalization;
using Screener.Analytics.Models.Trees;
using Screener.Analytics.Features;
using Screener.Analytics.Labels;
using Screener.Generate;
using Screener.Offline.Export;
using Screener.Offline.Package;
using Screener.Offline.Train;

namespace Screener.Commands;

/// <summary>
/// <c>screener train --db PATH [--out models] ...</c>: a journal to a packaged model. The journal's frames go through the
/// graph's feature code and the label builder (<see cref="TrainingRowBuilder"/>), then <see cref="ModelTrainingJob"/>
/// (time split, heads, calibration, regime model, ONNX) and <see cref="ModelPackage"/> (model file, regime file,
/// manifest, model card). Progress goes to stderr; the summary to stdout.
/// <para>Exit codes: 2 for a wrong command line or a missing journal; 1 for a journal too short or too one-sided to
/// train on, or an output that cannot be written.</para>
/// </summary>
public static class TrainCommand
{
    public static async Task<int> RunAsync(CommandLine cl, CancellationToken ct)
    {
        var db = cl.String("db") ?? Defaults.DbPath;
        var output = cl.String("out") ?? "models";
        var shard = cl.String("shard");
        var configFile = cl.String("config");
        var identity = new ModelIdentity(cl.String("semver") ?? "0.1.0", cl.String("git-sha") ?? GitSha());
        var rowEvery = cl.Duration("row-every") ?? TimeSpan.FromSeconds(1);
        var defaults = HeadTrainerSettings.Default;
        var trainer = new HeadTrainerSettings(
            cl.Int("trees") ?? defaults.Trees, cl.Int("leaves") ?? defaults.Leaves, cl.Int("min-leaf") ?? defaults.MinimumExampleCountPerLeaf,
            cl.Double("learning-rate") ?? defaults.LearningRate, cl.Int("seed") ?? defaults.Seed);
        var options = new ModelTrainingOptions(trainer,
            cl.Double("train") ?? ModelTrainingOptions.Default.TrainFraction, cl.Double("validation") ?? ModelTrainingOptions.Default.ValidationFraction,
            cl.Int("regimes") ?? ModelTrainingOptions.Default.RegimeClusters, Precision(cl.String("precision")));
        var exclude = cl.String("exclude-features");
        cl.RejectUnknown();
        try
        {
            identity.Validate();
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
        if (File.Exists(output)) throw new UsageException($"--out '{output}' is a file; it must be a folder.");

        var clock = Stopwatch.StartNew();
        TrainingSet set;
        TrainingSource source;
        await using (var journal = await JournalInput.OpenAsync(db, shard, ct, configFile))
        {
            source = Source(journal);
            long frames;
            (set, frames) = await journal.TrainingRowsAsync(features =>
            {
                TrainingRowBuilder rows;
                try
                {
                    rows = new TrainingRowBuilder(features, LabelBuilder.From(journal.Settings.Scoring), rowEvery);
                }
                catch (ArgumentException e)
                {
                    throw new UsageException($"--row-every: {e.Message}");
                }
                Say($"training rows from {source}: heads {string.Join(", ", rows.Heads.Select(h => h.Name))}, one row per symbol every {rowEvery.TotalSeconds:0.###} s");
                return rows;
            }, Say, clock, ct);
            Say($"rows: {frames:N0} frames, {set.Counts} ({clock.Elapsed.TotalSeconds:F1} s)");
        }
        if (set.Rows.Count == 0) throw new CommandFailedException($"No training rows in '{db}': {set.Counts}. Record or generate a longer journal.");
        for (var h = 0; h < set.Heads.Count; h++)
        {
            var labels = set.Rows.Select(r => r.Labels[h]).ToArray();
            Say(string.Create(CultureInfo.InvariantCulture,
                $"labels {set.Heads[h].Name}: {labels.Count(l => l.InPlay) / (double)labels.Length:P1} in play, median move {Median(labels.Select(l => l.MoveBps)):F1} bps, median cost {Median(labels.Select(l => l.CostBps)):F1} bps"));
        }

        var span = TimeSpan.FromTicks(set.Rows[^1].Time - set.Rows[0].Time);
        if (exclude is not null)
            options = options with { ExcludedFeatures = exclude is "" or "none" ? [] : exclude.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) };
        else if (span < TimeSpan.FromDays(ModelCard.TrainDays))
        {
            options = options with { ExcludedFeatures = ModelTrainingOptions.TimeOfDay };
            Say($"the rows span {span.TotalHours:F1} h, less than {ModelCard.TrainDays} days: the time of day is left out (--exclude-features none keeps it)");
        }

        TrainedModel model;
        try
        {
            model = ModelTrainingJob.Run(set, MarketFeatures.Spec, options, line => Say(line));
        }
        catch (ArgumentException e)
        {
            throw new CommandFailedException($"Cannot train on '{db}': {e.Message}", e);
        }

        var package = ModelPackage.Build(model, identity, source);
        string manifestPath;
        try
        {
            manifestPath = package.Write(output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException($"Cannot write the model into '{Path.GetFullPath(output)}': {e.Message}", e);
        }

        var m = package.Manifest;
        System.Console.WriteLine($"model {m.ModelVersion}");
        System.Console.WriteLine($"  manifest:  {manifestPath}");
        System.Console.WriteLine($"  model:     {Path.Combine(Path.GetFullPath(output), m.Model.File)} ({m.Model.Bytes:N0} bytes, {m.Heads.Count} heads, {m.Model.Precision})");
        System.Console.WriteLine($"  rows:      train {m.Split.Train.Rows:N0}, validation {m.Split.Validation.Rows:N0}, test {m.Split.Test.Rows:N0} ({m.TrainingData.Symbols.Count} symbols)");
        foreach (var t in m.TestMetrics)
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  test {t.Head,-10} AUC {t.Auc:F3}  ECE {t.Ece:F4}  Brier {t.Brier:F4}  in play {t.InPlayRate:P1}"));
        System.Console.WriteLine($"  took {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    private static TrainingSource Source(JournalInput journal)
    {
        var name = Path.GetFileName(journal.Path);
        if (!EpisodeTable.IsGenerated(journal.Path)) return new TrainingSource(name, journal.PersistenceId, Simulated: false, "Recorded from an exchange endpoint.");
        var run = EpisodeTable.ReadRun(journal.Path);
        return new TrainingSource(name, journal.PersistenceId, Simulated: true,
            "Generated by `screener sim --generate`: " + string.Join(", ", run.Select(kv => $"{kv.Key} {kv.Value}")) + ".");
    }

    private static TreeScorePrecision Precision(string? text) => text switch
    {
        null or "double" => TreeScorePrecision.Double,
        "float" => TreeScorePrecision.Float,
        _ => throw new UsageException($"--precision must be 'double' or 'float', was '{text}'."),
    };

    /// <summary>The commit of the working directory's git repository, or <c>unknown</c>.</summary>
    private static string GitSha()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["rev-parse", "--short=12", "HEAD"])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            });
            if (git is null) return "unknown";
            var sha = git.StandardOutput.ReadToEnd().Trim();
            return git.WaitForExit(5000) && git.ExitCode == 0 && sha.Length > 0 ? sha : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }

    private static void Say(string line) => System.Console.Error.WriteLine($"train: {line}");
}
