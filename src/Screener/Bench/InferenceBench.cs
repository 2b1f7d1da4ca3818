using Screener.Analytics.Features;
using Screener.Analytics.Models;
using Screener.Analytics.Scoring;
using Screener.Configuration;

namespace Screener.Bench;

/// <summary>
/// <c>screener bench inference</c>: the per-snapshot cost of the trained model as the node runs it
/// (<see cref="ScoringLatency"/>, over <see cref="ScoringInputPool"/>'s simulated snapshots) and the cost of a ranking
/// tick at a given universe size (<see cref="RankingTickLatency"/>), single-threaded, with the settings of the shipped
/// <c>hocon/</c>. Each timed phase starts after a full garbage collection.
/// </summary>
public static class InferenceBench
{
    /// <exception cref="ModelLoadException">The model folder cannot be loaded.</exception>
    public static InferenceBenchResult Run(InferenceBenchOptions options, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var config = HoconFiles.Load("", "sqlite");
        var settings = SettingsReader.Pipeline(config);
        using var predictor = OnnxPredictor.Load(options.ModelFolder, MarketFeatures.Spec, settings.Scoring);
        var model = ModelSize.Of(predictor.Manifest, options.ModelFolder);
        progress.WriteLine($"model {model.ModelVersion}: {model.Trees} trees × {model.Leaves} leaves, {model.Heads} heads, {model.OnnxBytes:N0} B");

        progress.WriteLine($"building {ScoringInputPool.DefaultSize:N0} snapshots from {ScoringInputPool.DefaultSymbols} simulated symbols …");
        var pool = ScoringInputPool.Build(config, settings);
        var load = LoadAverage();
        progress.WriteLine($"scoring: {options.Warmup:N0} warm-up calls, then {options.Snapshots:N0} timed …");
        Settle();
        var scoring = ScoringLatency.Measure(predictor, new SymbolScorer(settings.Scoring), pool, options.Warmup, options.Snapshots);

        progress.WriteLine($"ranking: {options.Symbols} symbols, {options.RankWarmup:N0} warm-up rounds, then {options.Rounds:N0} timed …");
        Settle();
        var ranking = RankingTickLatency.Measure(settings, options.Symbols, options.RankWarmup, options.Rounds);
        return new InferenceBenchResult(options, Path.GetFullPath(options.ModelFolder), model, pool.Count, ScoringInputPool.DefaultSymbols,
            ScoringInputPool.DefaultSeed, scoring, ranking, load);
    }

    /// <summary>The 1-minute load average from <c>/proc/loadavg</c>, or null where there is none.</summary>
    private static double? LoadAverage()
    {
        const string path = "/proc/loadavg";
        if (!File.Exists(path)) return null;
        var first = File.ReadAllText(path).Split(' ')[0];
        return double.TryParse(first, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var load) ? load : null;
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
