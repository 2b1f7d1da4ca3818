using System.Diagnostics;
using Screener.Analytics.Scoring;
using Screener.Contracts;

namespace Screener.Bench;

/// <summary>
/// Times <see cref="SymbolScorer.Score"/> call by call on the calling thread, as a symbol substream calls it each tick:
/// live costs from the book, every head through the predictor, calibration, attributions and gates. The pool is cycled
/// in order, untimed for the warm-up and then timed one call at a time with <see cref="Stopwatch.GetTimestamp"/>; the
/// allocation is the thread's allocated bytes over the timed calls, divided by their number.
/// </summary>
public static class ScoringLatency
{
    public static ScoringLatencyResult Measure(IPredictor predictor, SymbolScorer scorer, IReadOnlyList<ScoringInput> pool, int warmup, int calls)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(calls);
        var next = 0;
        PredictionSnapshot? last = null;
        for (var i = 0; i < warmup; i++)
        {
            var input = pool[next];
            next = (next + 1) % pool.Count;
            last = scorer.Score(predictor, input.Features, input.Book, gapSinceLastTick: false);
        }

        var ticks = new long[calls];
        long gated = 0;
        var gc = GcCounts.Now();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < calls; i++)
        {
            var input = pool[next];
            next = (next + 1) % pool.Count;
            var start = Stopwatch.GetTimestamp();
            last = scorer.Score(predictor, input.Features, input.Book, gapSinceLastTick: false);
            ticks[i] = Stopwatch.GetTimestamp() - start;
            if (last.Gates.Count > 0) gated++;
        }
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var collections = GcCounts.Now() - gc;
        GC.KeepAlive(last);
        return new ScoringLatencyResult(LatencyStats.Of(ticks), allocated / (double)calls, gated / (double)calls, collections);
    }
}
