using Screener.Sim.Tests.Support;
using Xunit;

namespace Screener.Sim.Tests.Server;

/// <summary>Separate from <see cref="RoutingSpec"/> so the silence windows of both classes run in parallel.</summary>
public sealed class SilentStreamSpec : IClassFixture<ExchangeFixture>
{
    private readonly ExchangeFixture _fixture;

    public SilentStreamSpec(ExchangeFixture fixture) => _fixture = fixture;

    private Task<WsClient> Connect(string path) => WsClient.ConnectAsync(new Uri(_fixture.Exchange.WebSocketBase, path));

    [Theory]
    [InlineData("/market/ws", "nosuchusdt@aggTrade")]
    [InlineData("/market/ws", "BTCUSDT@aggTrade")]
    [InlineData("/market/ws", "btcusdt@teleport")]
    [InlineData("/public/ws", "btcusdt@depth@250ms")]
    [InlineData("/public/ws", "BTCUSDT@bookTicker")]
    public async Task Unservable_streams_must_be_acked_and_deliver_nothing(string path, string stream)
    {
        await using var client = await Connect(path);
        await client.SendAsync($$"""{"method":"SUBSCRIBE","params":["{{stream}}"],"id":7}""");
        Assert.Equal("""{"result":null,"id":7}""", await client.NextAsync(Waits.Expect));
        Assert.Empty(await client.CollectAsync(Waits.Silence));
    }
}
