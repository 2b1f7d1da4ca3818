using Screener.Configuration;
using Screener.Sim.Market.Episodes;
using Screener.Sim.Server;

namespace Screener.Generate;

/// <summary>
/// Keeps the truth of a demo's planted episodes with its journal: appended to the episodes of earlier sessions in the
/// same file (ids renumbered in order), so <c>screener backtest</c> can judge every session the journal holds.
/// </summary>
public static class DemoEpisodes
{
    /// <summary>Writes this session's episodes after those already in <paramref name="dbPath"/>; returns this session's.</summary>
    public static IReadOnlyList<InPlayEpisode> Save(string dbPath, SimExchange sim, DemoSettings demo)
    {
        var session = sim.Episodes;
        var earlier = EpisodeTable.IsGenerated(dbPath) ? EpisodeTable.Read(dbPath) : [];
        var all = earlier.Concat(session).Select((e, i) => e with { Id = i + 1 }).ToList();
        EpisodeTable.Write(dbPath, all,
        [
            new("source", "demo"),
            new("seed", EpisodeTable.Text(demo.Seed)),
            new("symbols", EpisodeTable.Text(demo.Symbols)),
            new("episode_rate_per_symbol_hour", EpisodeTable.Text(demo.EpisodeRate)),
            new("end_ms", EpisodeTable.Text(sim.MarketTimeMs)),
        ]);
        return session;
    }
}
