namespace Screener.Sim.Market;

/// <summary>One pending diff-depth event of one cadence: ids, time and the absolute quantities of every touched level (0 = deleted).</summary>
internal sealed record DepthDiffData(
    long FirstUpdateId,
    long FinalUpdateId,
    long PreviousFinalUpdateId,
    long TransactionTimeMs,
    IReadOnlyList<(long Tick, long Lots)> Bids,
    IReadOnlyList<(long Tick, long Lots)> Asks);
