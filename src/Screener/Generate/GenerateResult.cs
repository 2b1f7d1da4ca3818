using Screener.Sim.Market.Episodes;

namespace Screener.Generate;

/// <summary>What a generation wrote.</summary>
/// <param name="DbPath">The SQLite file (full path).</param>
/// <param name="PersistenceId">The raw journal's persistence id (<c>raw-&lt;shard&gt;</c>).</param>
/// <param name="SimulatedHours">Simulated time recorded.</param>
/// <param name="Frames">Raw frames journaled.</param>
/// <param name="Batches">Frame batches (journal events) written.</param>
/// <param name="Episodes">The planted episodes' truth, as written to <c>sim_episodes</c>.</param>
/// <param name="Wall">Wall time from the first step to the last write.</param>
/// <param name="Interrupted">True when a stop request cut the run short: the journal is consistent but shorter.</param>
public sealed record GenerateResult(
    string DbPath, string PersistenceId, double SimulatedHours, long Frames, long Batches, IReadOnlyList<InPlayEpisode> Episodes, TimeSpan Wall,
    bool Interrupted)
{
    /// <summary>The speed figure: simulated hours recorded per wall minute.</summary>
    public double HoursPerWallMinute => Wall > TimeSpan.Zero ? SimulatedHours / Wall.TotalMinutes : 0;
}
