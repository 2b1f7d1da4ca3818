using Screener.Analytics.Models;
using Screener.Bench;
using Screener.Configuration;

namespace Screener.Commands;

/// <summary>
/// <c>screener bench inference [--model DIR] [--snapshots 200000] [--warmup 20000] [--symbols 500] [--rounds 2000] [--json]</c>:
/// the inference benchmark (<see cref="InferenceBench"/>). Progress goes to stderr, the table (or with <c>--json</c> one
/// JSON object) to stdout. Exit 2 for a wrong command line, 1 for a model that cannot be loaded or a run that cannot
/// build its inputs; a missed target is reported, not an error.
/// </summary>
public static class BenchInferenceCommand
{
    public static Task<int> RunAsync(CommandLine cl)
    {
        var model = cl.String("model");
        var snapshots = cl.Int("snapshots") ?? InferenceBenchOptions.DefaultSnapshots;
        var warmup = cl.Int("warmup") ?? InferenceBenchOptions.DefaultWarmup;
        var symbols = cl.Int("symbols") ?? InferenceBenchOptions.DefaultSymbols;
        var rounds = cl.Int("rounds") ?? InferenceBenchOptions.DefaultRounds;
        var json = cl.Flag("json");
        cl.RejectUnknown();
        if (model == "true") throw new UsageException("--model needs a folder holding manifest.json.");
        if (snapshots < 1_000) throw new UsageException($"--snapshots must be at least 1000 (a p99.9 needs a thousand calls), was {snapshots}.");
        if (warmup < 0) throw new UsageException($"--warmup cannot be negative, was {warmup}.");
        if (rounds < 100) throw new UsageException($"--rounds must be at least 100, was {rounds}.");
        var maxSymbols = SettingsReader.Pipeline(HoconFiles.Load("", "sqlite")).MaxSymbols;
        if (symbols < 1 || symbols > maxSymbols)
            throw new UsageException($"--symbols must be 1..{maxSymbols} (screener.pipeline.max-symbols), was {symbols}.");

        var options = new InferenceBenchOptions(ModelFolder(model), snapshots, warmup, symbols, rounds);
        InferenceBenchResult result;
        try
        {
            result = InferenceBench.Run(options, System.Console.Error);
        }
        catch (ModelLoadException e)
        {
            throw new CommandFailedException(e.Message, e);
        }
        catch (BenchException e)
        {
            throw new CommandFailedException($"bench failed: {e.Message}", e);
        }
        if (json) InferenceBenchReport.WriteJson(System.Console.Out, result);
        else InferenceBenchReport.Write(System.Console.Out, result);
        return Task.FromResult(0);
    }

    /// <summary>The folder given, else the node's configured model (<c>screener.model.path</c>), which must not be the baseline.</summary>
    private static string ModelFolder(string? asked)
    {
        if (asked is not null)
        {
            if (!File.Exists(Path.Combine(asked, ModelManifestFile.ManifestName)))
                throw new UsageException($"--model: no {ModelManifestFile.ManifestName} in '{Path.GetFullPath(asked)}'.");
            return Path.GetFullPath(asked);
        }
        var configured = SettingsReader.Model(HoconFiles.Load("", "sqlite"));
        if (configured.IsBaseline)
            throw new UsageException("screener.model.path is the baseline heuristic; pass --model DIR to time a trained model.");
        return configured.ResolveFolder();
    }
}
