using Screener.Configuration;
using Screener.Generate;
using Screener.Sim.Market.Episodes;
using Screener.Sim.Server;

namespace Screener.Tests.Generate;

/// <summary>A demo keeps its planted episodes' truth with its journal, after those of earlier sessions.</summary>
[Collection(NodeCollection.Name)]
public sealed class DemoEpisodesSpec
{
    [Fact]
    public async Task DemoEpisodes_must_append_each_sessions_planted_episodes_to_the_journal_renumbered_in_order()
    {
        var db = JournalFixture.TempDb("episodes.db");
        var demo = new DemoSettings(Seed: 9, Symbols: 6, Refresh: TimeSpan.FromSeconds(1), EpisodeRate: 3600);
        var episodes = new EpisodeSettings { RatePerSymbolHour = 3600, WarmUp = TimeSpan.Zero };
        await using var sim = await SimExchange.StartAsync(new SimSettings { Seed = 9, SymbolCount = 6, Episodes = episodes });
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (sim.Episodes.Count < 2 && DateTime.UtcNow < deadline) await Task.Delay(100);

        var first = DemoEpisodes.Save(db, sim, demo);
        var second = DemoEpisodes.Save(db, sim, demo);

        Assert.True(first.Count >= 2, $"expected the simulator to plant episodes within 20 s, got {first.Count}");
        var stored = EpisodeTable.Read(db);
        Assert.Equal(first.Count + second.Count, stored.Count);
        Assert.Equal(Enumerable.Range(1, stored.Count), stored.Select(e => e.Id));
        Assert.Equal(first.Select(e => (e.Symbol, e.OnsetMs)), stored.Take(first.Count).Select(e => (e.Symbol, e.OnsetMs)));
        Assert.Equal("demo", EpisodeTable.ReadRun(db)["source"]);
    }
}
