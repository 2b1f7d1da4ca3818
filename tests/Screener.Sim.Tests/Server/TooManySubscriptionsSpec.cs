using Screener.Sim.Server;
using Screener.Sim.Tests.Support;
using Xunit;

namespace Screener.Sim.Tests.Server;

public sealed class TooManySubscriptionsSpec
{
    [Fact]
    public async Task Subscribe_over_the_stream_limit_must_get_code_4_then_close_1008()
    {
        await using var exchange = await SimExchange.StartAsync(new SimSettings { MaxStreamsPerConnection = 3 });
        await using var client = await WsClient.ConnectAsync(new Uri(exchange.WebSocketBase, "/market/ws"));
        await client.SendAsync("""{"method":"SUBSCRIBE","params":["btcusdt@aggTrade","ethusdt@aggTrade","btcusdt@aggTrade"],"id":1}""");
        Assert.Equal("""{"result":null,"id":1}""", await client.ExpectAsync(m => m.StartsWith("{\"result\"", StringComparison.Ordinal), Waits.Expect, "ack"));
        await client.SendAsync("""{"method":"SUBSCRIBE","params":["solusdt@aggTrade","xrpusdt@aggTrade"],"id":2}""");
        Assert.Equal("""{"error":{"code":4,"msg":"Too many subscriptions"},"id":2}""",
            await client.ExpectAsync(m => m.StartsWith("{\"error\"", StringComparison.Ordinal), Waits.Expect, "error 4"));
        Assert.Same(client.Completion, await Task.WhenAny(client.Completion, Task.Delay(Waits.Expect)));
        Assert.Equal("close 1008 Invalid request", client.Ended);
    }

    [Fact]
    public async Task Url_streams_over_the_limit_must_close_1008()
    {
        await using var exchange = await SimExchange.StartAsync(new SimSettings { MaxStreamsPerConnection = 2 });
        await using var client = await WsClient.ConnectAsync(new Uri(exchange.WebSocketBase, "/public/stream?streams=a@depth/b@depth/c@depth"));
        Assert.Same(client.Completion, await Task.WhenAny(client.Completion, Task.Delay(Waits.Expect)));
        Assert.Equal("close 1008 Invalid request", client.Ended);
    }
}
