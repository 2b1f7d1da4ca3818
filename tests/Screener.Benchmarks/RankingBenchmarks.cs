using BenchmarkDotNet.Attributes;
using Screener.Analytics.Ranking;
using Screener.Contracts;

namespace Screener.Benchmarks;

/// <summary>
/// One rank round of <see cref="TopKRanker"/> over 500 candidates, with the shipped <c>screener.ranking</c> thresholds
/// (enter 25, exit 15, dwell 5, margin 5, alert 60 bps; flip budget 4 in 120 rounds, re-entry cooldown 10) and a
/// board of <see cref="TopK"/>. Setup pre-generates 1,000 rounds of <see cref="ChurningCandidates"/> and ranks them all
/// once, so the ranker's per-symbol history is warm; each invocation then ranks the next round, cycling. Target:
/// ≤ 1 ms a round including the score aggregation done before it. Allocation is the output: the events, the board
/// and one status per candidate.
/// </summary>
[MemoryDiagnoser]
public class RankingBenchmarks
{
    public const int Symbols = 500;
    public const int Rounds = 1_000;

    [Params(5, 20)]
    public int TopK { get; set; }

    private RankCandidate[][] _rounds = [];
    private TopKRanker _ranker = null!;
    private int _next;
    private long _time;

    [GlobalSetup]
    public void Setup()
    {
        _rounds = ChurningCandidates.Rounds(seed: 23, Symbols, Rounds);
        _ranker = new TopKRanker(new RankingSettings(TopK, EnterScore: 25, ExitScore: 15, MinDwellRounds: 5, ReplaceMargin: 5,
            AlertScore: 60, AlertCooldownRounds: 60, FlipBudget: 4, FlipWindowRounds: 120, ReenterCooldownRounds: 10));
        var flips = 0;
        for (var i = 0; i < Rounds; i++)
            flips += RankRound().Events.Count(e => e.Kind is RankEventKind.SymbolEnter or RankEventKind.SymbolExit);

        // What is measured must be a churning board, not a frozen one.
        var gated = _rounds.Sum(round => round.Count(c => c.IsGated)) / (double)(Rounds * Symbols);
        Console.WriteLine($"// {flips} entries and exits over {Rounds} warm-up rounds; {gated:P1} of candidates gated");
        if (flips < Rounds / 10) throw new InvalidOperationException($"Only {flips} entries and exits in {Rounds} rounds: the board does not churn.");
    }

    [Benchmark]
    public RankOutcome RankRound()
    {
        var round = _rounds[_next];
        _next = (_next + 1) % Rounds;
        return _ranker.Rank(++_time, round);
    }
}
