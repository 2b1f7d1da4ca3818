using System.Text.Json;
using Screener.Sim.Tests.Support;
using Xunit;

namespace Screener.Sim.Tests.Server;

public sealed class BookSyncOverWireSpec : IClassFixture<ExchangeFixture>
{
    private readonly ExchangeFixture _fixture;

    public BookSyncOverWireSpec(ExchangeFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Client_following_the_futures_procedure_must_sync_without_gaps()
    {
        var exchange = _fixture.Exchange;
        await using var client = await WsClient.ConnectAsync(new Uri(exchange.WebSocketBase, "/public/stream?streams=ethusdt@depth@100ms"));
        var buffered = new List<JsonElement>();
        var first = await client.NextAsync(Waits.Expect);
        Assert.NotNull(first);
        buffered.Add(Data(first));

        using var http = new HttpClient { Timeout = Waits.Expect };
        var snapshot = JsonDocument.Parse(await http.GetStringAsync(new Uri(exchange.RestBase, "/fapi/v1/depth?symbol=ETHUSDT&limit=1000"))).RootElement;
        var book = new ReferenceBook();
        book.LoadSnapshot(snapshot);
        // Frames that arrived while the snapshot was in flight are dropped (u < lastUpdateId); on a loaded
        // machine that can be many, so keep consuming live frames until enough have been applied.
        var outcomes = buffered.Select(book.Apply).ToList();
        var deadline = DateTime.UtcNow + Waits.Expect;
        while (book.Applied < 10 && DateTime.UtcNow < deadline)
        {
            var next = await client.NextAsync(deadline - DateTime.UtcNow);
            if (next is null) break;
            outcomes.Add(book.Apply(Data(next)));
        }
        Assert.DoesNotContain(SyncStep.Gap, outcomes);
        Assert.True(book.Applied >= 10, $"applied {book.Applied} of {outcomes.Count}");
        Assert.False(book.IsCrossed);
    }

    private static JsonElement Data(string frame) => JsonDocument.Parse(frame).RootElement.GetProperty("data").Clone();
}
