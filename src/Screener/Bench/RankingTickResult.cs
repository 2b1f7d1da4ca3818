namespace Screener.Bench;

/// <summary>What <see cref="RankingTickLatency"/> measured.</summary>
/// <param name="Symbols">Symbols per round.</param>
/// <param name="Tick">The <c>Add</c> that completes and ranks a round.</param>
/// <param name="TickWithoutGc">The same, over the ticks during which no collection ran (null when a collection ran in every one).</param>
/// <param name="OtherAdds">The adds of the round's other symbols, together.</param>
/// <param name="AllocatedBytesPerTick">Mean bytes the completing <c>Add</c> allocated.</param>
/// <param name="EventsPerTick">Mean rank events (enter, exit, replace, alert) per round: how much the top list churned.</param>
/// <param name="BoardEntries">Mean entries on the board after a round.</param>
/// <param name="Collections">Garbage collections during the timed rounds, building their outputs included.</param>
public sealed record RankingTickResult(
    int Symbols, LatencyStats Tick, LatencyStats? TickWithoutGc, LatencyStats OtherAdds, double AllocatedBytesPerTick, double EventsPerTick, double BoardEntries,
    GcCounts Collections);
