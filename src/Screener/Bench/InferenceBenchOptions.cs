namespace Screener.Bench;

/// <summary>What <c>screener bench inference</c> runs.</summary>
/// <param name="ModelFolder">The model package (a folder holding <c>manifest.json</c>).</param>
/// <param name="Snapshots">Individually timed scoring calls, cycling through the snapshot pool.</param>
/// <param name="Warmup">Untimed scoring calls before the timed ones (the JIT's tiering settles in them).</param>
/// <param name="Symbols">Symbols in each ranking tick.</param>
/// <param name="Rounds">Timed ranking ticks.</param>
public sealed record InferenceBenchOptions(string ModelFolder, int Snapshots, int Warmup, int Symbols, int Rounds)
{
    public const int DefaultSnapshots = 200_000;
    public const int DefaultWarmup = 20_000;
    public const int DefaultSymbols = 500;
    public const int DefaultRounds = 2_000;

    /// <summary>Untimed ranking ticks first: a tenth of the timed ones, at least 100 (the top list fills and starts to churn).</summary>
    public int RankWarmup => Math.Max(100, Rounds / 10);
}
