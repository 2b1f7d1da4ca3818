namespace Screener.Bench;

/// <summary>The figures of one <c>screener bench inference</c> run.</summary>
/// <param name="PoolSize">Distinct snapshots the timed calls cycle through.</param>
/// <param name="PoolSymbols">Simulated symbols the pool was built from.</param>
/// <param name="PoolSeed">The simulated market's seed.</param>
/// <param name="LoadAverage">The machine's 1-minute load average when the timed phases began (Linux; null elsewhere): other
/// runnable processes preempt the timed thread and stretch the tail.</param>
public sealed record InferenceBenchResult(
    InferenceBenchOptions Options,
    string ModelFolder,
    ModelSize Model,
    int PoolSize,
    int PoolSymbols,
    ulong PoolSeed,
    ScoringLatencyResult Scoring,
    RankingTickResult Ranking,
    double? LoadAverage)
{
    /// <summary>Per snapshot, all heads: the p99 must stay under this.</summary>
    public const double TargetSnapshotP99Micros = 50;

    /// <summary>Per ranking tick: the p99 must stay under this.</summary>
    public const double TargetTickP99Micros = 1_000;

    public bool SnapshotTargetMet => Scoring.Latency.P99 <= TargetSnapshotP99Micros;

    public bool TickTargetMet => Ranking.Tick.P99 <= TargetTickP99Micros;
}
