using System.Diagnostics;
using Screener.Pipeline;
using Screener.Pipeline.Stages;

namespace Screener.Bench;

/// <summary>
/// Times the ranking stage's work per rank round at a given universe size: a <see cref="RankRounds"/> with the node's
/// settings is fed each round's outputs (<see cref="RankingRoundFeed"/>, rounds one rank cadence apart, so every round
/// ranks). Timed on the calling thread: the <c>Add</c> that completes the round (conflation by symbol, score
/// aggregation, reason codes, <see cref="Analytics.Ranking.TopKRanker"/>, the output), and separately the adds of the
/// other symbols before it, as one span. Building the outputs is untimed. The ticks during which no garbage collection
/// ran are also summarised apart, to tell the stage's own cost from the collector's pauses its allocation brings on.
/// </summary>
public static class RankingTickLatency
{
    public static RankingTickResult Measure(PipelineSettings settings, int symbols, int warmup, int rounds)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounds);
        var stage = new RankRounds(settings);
        var feed = new RankingRoundFeed(symbols, settings.Scoring, settings.RankCadence);
        var outputs = new List<SymbolOutput>(symbols);
        var results = new List<RankingOutput>(1);
        for (var r = 0; r < warmup; r++) Round(stage, feed, outputs, results);

        var completing = new long[rounds];
        var others = new long[rounds];
        var withoutGc = new List<long>(rounds);
        long allocated = 0, events = 0, members = 0;
        var gc = GcCounts.Now();
        for (var r = 0; r < rounds; r++)
        {
            outputs.Clear();
            results.Clear();
            feed.NextRound(outputs);
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < outputs.Count - 1; i++) stage.Add(outputs[i], results);
            var last = Stopwatch.GetTimestamp();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var collections = GC.CollectionCount(0);
            stage.Add(outputs[^1], results);
            var end = Stopwatch.GetTimestamp();
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            if (GC.CollectionCount(0) == collections) withoutGc.Add(end - last);
            if (results.Count != 1) throw new BenchException($"Round {r} completed {results.Count} rank rounds; each round must rank exactly once.");
            completing[r] = end - last;
            others[r] = last - start;
            events += results[0].Events.Count;
            members += results[0].Board.Entries.Count;
        }
        return new RankingTickResult(symbols, LatencyStats.Of(completing), withoutGc.Count > 0 ? LatencyStats.Of([.. withoutGc]) : null,
            LatencyStats.Of(others), allocated / (double)rounds, events / (double)rounds, members / (double)rounds, GcCounts.Now() - gc);
    }

    private static void Round(RankRounds stage, RankingRoundFeed feed, List<SymbolOutput> outputs, List<RankingOutput> results)
    {
        outputs.Clear();
        results.Clear();
        feed.NextRound(outputs);
        foreach (var output in outputs) stage.Add(output, results);
    }
}
