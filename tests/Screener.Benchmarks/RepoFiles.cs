using Akka.Configuration;
using Screener.Analytics.Ranking;

namespace Screener.Benchmarks;

/// <summary>
/// Files of the repository the benchmarks read, found by walking up from the assembly's folder (BenchmarkDotNet runs
/// each benchmark from a generated project below <c>bin/</c>, still inside the repository).
/// </summary>
internal static class RepoFiles
{
    /// <summary>Overrides the model folder, for timing another model package.</summary>
    public const string ModelVariable = "SCREENER_BENCH_MODEL";

    /// <summary>The model folder: <see cref="ModelVariable"/> when set, else the repository's shipped <c>models/</c>.</summary>
    public static string ModelFolder() =>
        Environment.GetEnvironmentVariable(ModelVariable) is { Length: > 0 } folder
            ? Path.GetFullPath(folder)
            : Path.GetDirectoryName(Find("models/manifest.json"))!;

    /// <summary>The ranking block of the shipped <c>hocon/screener.conf</c>, read as the node reads it.</summary>
    public static RankingSettings ShippedRanking()
    {
        var r = ConfigurationFactory.ParseString(File.ReadAllText(Find("hocon/screener.conf"))).GetConfig("screener.ranking");
        return new RankingSettings(
            r.GetInt("top-k"), r.GetDouble("enter-score"), r.GetDouble("exit-score"), r.GetInt("min-dwell-rounds"),
            r.GetDouble("replace-margin"), r.GetDouble("alert-score"), r.GetInt("alert-cooldown-rounds")).Validate();
    }

    /// <exception cref="FileNotFoundException">No folder above the assembly holds <paramref name="relative"/>.</exception>
    public static string Find(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"No '{relative}' in any folder above {AppContext.BaseDirectory}.");
    }
}
