using Screener.Sim.Tests.Support;
using Xunit;

namespace Screener.Sim.Tests.Server;

public sealed class RoutingSpec : IClassFixture<ExchangeFixture>
{
    private readonly ExchangeFixture _fixture;

    public RoutingSpec(ExchangeFixture fixture) => _fixture = fixture;

    private Task<WsClient> Connect(string path) => WsClient.ConnectAsync(new Uri(_fixture.Exchange.WebSocketBase, path));

    [Fact]
    public async Task Market_stream_on_public_path_must_be_acked_but_silent()
    {
        await using var client = await Connect("/public/ws");
        await client.SendAsync("""{"method":"SUBSCRIBE","params":["btcusdt@aggTrade","btcusdt@markPrice@1s","btcusdt@bookTicker"],"id":1}""");
        Assert.Equal("""{"result":null,"id":1}""", await client.NextAsync(Waits.Expect));
        var frames = await client.CollectAsync(Waits.Silence);
        Assert.Contains(frames, f => f.StartsWith("{\"e\":\"bookTicker\"", StringComparison.Ordinal));
        Assert.DoesNotContain(frames, f => f.Contains("aggTrade") || f.Contains("markPriceUpdate"));

        await client.SendAsync("""{"method":"LIST_SUBSCRIPTIONS","id":2}""");
        var list = await client.ExpectAsync(m => m.EndsWith("\"id\":2}", StringComparison.Ordinal), Waits.Expect, "LIST reply");
        Assert.Equal("""{"result":["btcusdt@aggTrade","btcusdt@markPrice@1s","btcusdt@bookTicker"],"id":2}""", list);
    }

    [Fact]
    public async Task Book_stream_on_market_path_must_be_silent()
    {
        await using var client = await Connect("/market/stream?streams=btcusdt@depth@100ms/btcusdt@aggTrade");
        var frames = await client.CollectAsync(Waits.Silence);
        Assert.Contains(frames, f => f.StartsWith("{\"stream\":\"btcusdt@aggTrade\"", StringComparison.Ordinal));
        Assert.DoesNotContain(frames, f => f.Contains("depthUpdate"));
    }

    [Theory]
    [InlineData("/ws")]
    [InlineData("/stream")]
    public async Task Legacy_path_must_deliver_book_streams_only(string path)
    {
        await using var client = await Connect(path);
        await client.SendAsync("""{"method":"SUBSCRIBE","params":["btcusdt@aggTrade","btcusdt@forceOrder","!markPrice@arr@1s","btcusdt@depth@100ms"],"id":1}""");
        Assert.Equal("""{"result":null,"id":1}""", await client.NextAsync(Waits.Expect));
        var frames = await client.CollectAsync(Waits.Silence);
        Assert.Contains(frames, f => f.Contains("depthUpdate"));
        Assert.DoesNotContain(frames, f => f.Contains("aggTrade") || f.Contains("markPriceUpdate") || f.Contains("forceOrder"));
    }

    [Fact]
    public async Task Unknown_paths_must_be_refused()
    {
        using var http = new HttpClient();
        var response = await http.GetAsync(new Uri(_fixture.Exchange.RestBase, "/private/ws"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        var plain = await http.GetAsync(new Uri(_fixture.Exchange.RestBase, "/public/ws"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, plain.StatusCode);
    }
}
