using Screener.Analytics.Scoring;
using Screener.Contracts;
using Screener.Storage.Journal;

namespace Screener.Tests.EndToEnd;

[Collection(NodeCollection.Name)]
public sealed class DemoEndToEndSpec
{
    [Fact]
    public async Task Demo_must_journal_rank_events_readable_back_through_persistence_query_after_a_20_second_run()
    {
        var db = JournalFixture.TempDb("demo.db");

        var exitCode = await Program.Main(["demo", "--duration", "20s", "--db", db, "--plain", "--seed", "42"]);

        Assert.Equal(0, exitCode);
        var (ranks, predictions, stats) = await JournalFixture.ReadAsync(db, async reader => (
            await reader.ReadAllAsync<RankEvent>(JournalSinks.RanksId),
            await reader.ReadAllAsync<PredictionBatch>(JournalSinks.PredictionsId),
            await reader.StatsAsync()));

        Assert.NotEmpty(ranks);
        Assert.Contains(ranks, r => r.Kind == RankEventKind.SymbolEnter);
        Assert.All(ranks, r => Assert.Equal(BaselineScorer.ModelVersion, r.ModelVersion));
        Assert.All(ranks.Where(r => r.Kind == RankEventKind.SymbolEnter), r => Assert.InRange(r.Rank, 1, 5));
        Assert.Equal(ranks.OrderBy(r => r.Time).Select(r => r.Time), ranks.Select(r => r.Time));

        // One prediction batch per 1 s rank round once the clock runs; every symbol of the simulator in each.
        Assert.InRange(predictions.Count, 12, 21);
        Assert.All(predictions, p => Assert.Equal(12, p.Predictions.Count));

        var raw = Assert.Single(stats, s => s.PersistenceId == JournalSinks.RawId("s0"));
        Assert.True(raw.Frames > 1_000, $"expected the raw journal to hold the session's frames, got {raw.Frames}");
        Assert.Equal(raw.Events, raw.Tags[JournalSinks.RawTag]);
    }
}
