using System.Diagnostics;
using System.Globalization;
using Screener.Analytics.Features;
using Screener.Analytics.Models;
using Screener.Analytics.Scoring;
using Screener.Configuration;
using Screener.Generate;
using Screener.Offline.Backtest;

namespace Screener.Commands;

/// <summary>
/// <c>screener backtest [--db PATH] [--model DIR] [--shard S] [--warm-up 5m]</c>: replays a simulated session's
/// journal through the node's graph twice, with the model and with the baseline scorer, and reports how each ranking
/// met the simulator's planted in-play episodes ahead of their onset (<see cref="EpisodeCapture"/>). The journal must
/// carry the episodes' truth (<c>sim_episodes</c>: written by <c>screener sim --generate</c> and by <c>screener demo</c>).
/// </summary>
public static class BacktestCommand
{
    public static async Task<int> RunAsync(CommandLine cl, CancellationToken ct)
    {
        var db = cl.String("db") ?? Defaults.DbPath;
        var modelOption = cl.String("model");
        var shard = cl.String("shard");
        var configFile = cl.String("config");
        var warmUp = cl.Duration("warm-up") ?? TimeSpan.FromMinutes(5);
        cl.RejectUnknown();
        if (warmUp < TimeSpan.Zero) throw new UsageException("--warm-up cannot be negative.");

        await using var journal = await JournalInput.OpenAsync(db, shard, ct, configFile);
        var folder = new ModelSettings(modelOption ?? "models", TimeSpan.Zero).Validate();
        if (folder.IsBaseline) throw new UsageException("--model must be a model folder; the baseline is always run alongside it.");
        using var model = LoadModel(folder, journal.Settings.Scoring);
        var episodes = EpisodeTable.ReadPlanted(journal.Path);
        if (episodes.Count == 0)
            throw new UsageException($"'{journal.Path}' holds no planted episodes (table sim_episodes): backtest needs a journal of 'screener demo' or 'screener sim --generate' with episodes on.");

        var results = new List<EpisodeCaptureResult>();
        foreach (IPredictor predictor in new IPredictor[] { model, new BaselineScorer(journal.Settings.Scoring) })
        {
            var capture = new EpisodeCapture(episodes, journal.Settings.Ranking.TopK, journal.Settings.Scoring, warmUp);
            var clock = Stopwatch.StartNew();
            var frames = await journal.ReplayAsync(predictor, capture.OnPredictions, capture.OnRankEvent, ct);
            System.Console.Error.WriteLine($"backtest: {predictor.ModelVersion}: {frames:N0} frames in {clock.Elapsed.TotalSeconds:F1} s");
            results.Add(capture.Result(predictor.ModelVersion));
        }

        System.Console.WriteLine($"journal {journal.Path}: {episodes.Count} planted episodes, {episodes.Count(e => e.Fired)} fired; top-K {journal.Settings.Ranking.TopK}, warm-up {warmUp.TotalMinutes:F0} min");
        System.Console.WriteLine(Table(results, journal.Settings.Ranking.TopK));
        return 0;
    }

    /// <summary>The comparison table: one row per scorer.</summary>
    public static string Table(IReadOnlyList<EpisodeCaptureResult> results, int topK)
    {
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            $"{"scorer",-56} {"episodes",8} {"on board before onset",22} {"median lead",12} {$"top-{topK} at onset",14} {"rank pct",9} {"entries",8} {"in episodes",12}",
        };
        foreach (var r in results)
            lines.Add(string.Format(c, "{0,-56} {1,8} {2,14} ({3,5:P0}) {4,10:F1} s {5,6} ({6,5:P0}) {7,9:F3} {8,8} {9,5} ({10,4:P0})",
                r.Scorer, r.Episodes, r.OnBoardBeforeOnset, r.OnBoardRate, r.MedianLeadSeconds, r.TopKAtOnset, r.TopKRate,
                r.MeanRankPercentileAtOnset, r.Entries, r.EntriesDuringEpisodes, r.EntryPrecision));
        return string.Join(Environment.NewLine, lines);
    }

    private static OnnxPredictor LoadModel(ModelSettings folder, ScoringSettings scoring)
    {
        try
        {
            return OnnxPredictor.Load(folder.ResolveFolder(), MarketFeatures.Spec, scoring);
        }
        catch (Exception e) when (e is ModelLoadException or FileNotFoundException)
        {
            throw new UsageException(e.Message);
        }
    }
}
