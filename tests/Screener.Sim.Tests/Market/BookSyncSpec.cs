using System.Text.Json;
using Screener.Sim.Market;
using Screener.Sim.Tests.Support;
using Xunit;

namespace Screener.Sim.Tests.Market;

public sealed class BookSyncSpec
{
    [Fact]
    public void ReferenceBook_must_rebuild_the_recorded_KSMUSDT_book()
    {
        // The reference implementation proves itself on real fstream data before judging the simulator.
        using var snapshot = JsonDocument.Parse(Fixture.Text("futures-depth-snapshot.json"));
        using var expected = JsonDocument.Parse(Fixture.Text("expected-futures-KSMUSDT-book.json"));
        var book = new ReferenceBook();
        book.LoadSnapshot(snapshot.RootElement);
        var outcomes = Fixture.Lines("futures-depthUpdate-sequence.jsonl")
            .Select(line => book.Apply(JsonDocument.Parse(line).RootElement.GetProperty("data")))
            .ToList();
        var e = expected.RootElement;
        Assert.Equal(e.GetProperty("firstAppliedFrameIndex").GetInt32(), outcomes.IndexOf(SyncStep.Applied));
        Assert.Equal(e.GetProperty("framesApplied").GetInt32(), book.Applied);
        Assert.DoesNotContain(SyncStep.Gap, outcomes);
        Assert.Equal(e.GetProperty("finalUpdateId").GetInt64(), book.LastFinalId);
        Assert.Equal(e.GetProperty("bidLevels").GetInt32(), book.Bids.Count);
        Assert.Equal(e.GetProperty("askLevels").GetInt32(), book.Asks.Count);
        var top = e.GetProperty("top5Bids").EnumerateArray().Select(l => l[1].GetString());
        Assert.Equal(top, book.Bids.Values.Take(5));
    }

    [Theory]
    [InlineData("@depth@100ms", 100)]
    [InlineData("@depth", 250)]
    [InlineData("@depth@500ms", 500)]
    public void SimMarket_must_let_snapshot_plus_diffs_rebuild_its_book_exactly(string suffix, int cadenceMs)
    {
        var market = new SimMarket(new SimMarketSettings(Seed: 21, SymbolCount: 4, DepthLevels: 150));
        var stream = "ethusdt" + suffix;
        var buffered = new List<JsonElement>();
        for (var i = 0; i < 40; i++) Collect(market.Step(), stream, buffered);

        // Snapshot with every level (beyond-limit levels would stay unknown, as on the real exchange).
        Assert.True(market.TryGetSnapshot("ETHUSDT", 10_000, out var snapshot));
        var book = new ReferenceBook();
        book.LoadSnapshot(ToJson(snapshot));
        for (var i = 0; i < 400; i++) Collect(market.Step(), stream, buffered);
        while (market.NowMs % cadenceMs != 0) Collect(market.Step(), stream, buffered);

        var outcomes = buffered.Select(book.Apply).ToList();
        Assert.DoesNotContain(SyncStep.Gap, outcomes);
        Assert.Contains(SyncStep.Dropped, outcomes);
        Assert.True(book.Applied > 400 * 100 / cadenceMs / 2);
        Assert.True(market.TryGetSnapshot("ETHUSDT", 10_000, out var truth));
        Assert.Equal(truth.Bids.Select(l => (decimal.Parse(l.Price), l.Quantity)), book.Bids.Select(kv => (kv.Key, kv.Value)));
        Assert.Equal(truth.Asks.Select(l => (decimal.Parse(l.Price), l.Quantity)), book.Asks.Select(kv => (kv.Key, kv.Value)));
        Assert.Equal(truth.LastUpdateId, book.LastFinalId);
        Assert.False(book.IsCrossed);
    }

    private static void Collect(IReadOnlyList<SimEvent> events, string stream, List<JsonElement> into)
    {
        foreach (var ev in events.Where(e => e.Stream == stream)) into.Add(JsonDocument.Parse(ev.Payload).RootElement.Clone());
    }

    private static JsonElement ToJson(BookSnapshot snapshot)
    {
        var json = JsonSerializer.Serialize(new
        {
            lastUpdateId = snapshot.LastUpdateId,
            bids = snapshot.Bids.Select(l => new[] { l.Price, l.Quantity }),
            asks = snapshot.Asks.Select(l => new[] { l.Price, l.Quantity }),
        });
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}
