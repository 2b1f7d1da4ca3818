using System.Buffers.Binary;
using System.Text;
using Screener.Sim.Server;
using Screener.Sim.Tests.Support;
using Xunit;

namespace Screener.Sim.Tests.Server;

public sealed class StrictModeSpec
{
    private const string List = """{"method":"LIST_SUBSCRIPTIONS","id":1}""";

    [Fact]
    public async Task Strict_mode_must_close_1008_on_the_eleventh_message_within_a_second()
    {
        await using var exchange = await SimExchange.StartAsync(new SimSettings { SymbolCount = 1 });
        await using var client = await WsClient.ConnectAsync(new Uri(exchange.WebSocketBase, "/market/ws"));
        for (var i = 0; i < 11; i++) await client.SendAsync(List);
        Assert.Same(client.Completion, await Task.WhenAny(client.Completion, Task.Delay(Waits.Expect)));
        Assert.Equal("close 1008 Too many requests", client.Ended);
        Assert.Equal(1, exchange.MessageRateCloses);
    }

    [Fact]
    public async Task Strict_mode_must_count_pings_and_pongs_as_messages()
    {
        await using var exchange = await SimExchange.StartAsync(new SimSettings { SymbolCount = 1 });
        using var cts = new CancellationTokenSource(Waits.Expect);
        using var raw = await RawWebSocket.ConnectAsync(exchange.WebSocketBase, "/public/ws", cts.Token);
        for (var i = 0; i < 6; i++)
        {
            await raw.SendFrameAsync(RawWebSocket.Ping, "1791382994658"u8.ToArray(), cts.Token);
            await raw.SendFrameAsync(RawWebSocket.Pong, "x"u8.ToArray(), cts.Token);
        }
        while (true)
        {
            var frame = await raw.ReadFrameAsync(cts.Token);
            Assert.NotNull(frame);
            if (frame.Value.Opcode != RawWebSocket.Close) continue;
            Assert.Equal(1008, BinaryPrimitives.ReadUInt16BigEndian(frame.Value.Payload));
            Assert.Equal("Too many requests", Encoding.UTF8.GetString(frame.Value.Payload.AsSpan(2)));
            break;
        }
    }

    [Fact]
    public async Task Strict_mode_must_let_ten_messages_a_second_through()
    {
        await using var exchange = await SimExchange.StartAsync(new SimSettings { SymbolCount = 1 });
        await using var client = await WsClient.ConnectAsync(new Uri(exchange.WebSocketBase, "/market/ws"));
        for (var burst = 0; burst < 2; burst++)
        {
            if (burst > 0) await Task.Delay(1_100);
            for (var i = 0; i < 10; i++) await client.SendAsync(List);
            for (var i = 0; i < 10; i++) Assert.Equal("""{"result":[],"id":1}""", await client.NextAsync(Waits.Expect));
        }
        Assert.Null(client.Ended);
        Assert.Equal(0, exchange.MessageRateCloses);
    }

    [Fact]
    public async Task Strict_mode_must_count_limit_closes_and_uncarried_subscriptions()
    {
        await using var exchange = await SimExchange.StartAsync(new SimSettings { SymbolCount = 2, MaxStreamsPerConnection = 2 });
        await using var wrongPath = await WsClient.ConnectAsync(new Uri(exchange.WebSocketBase, "/public/stream?streams=btcusdt@aggTrade/btcusdt@bookTicker"));
        Assert.Contains("btcusdt@bookTicker", await wrongPath.NextAsync(Waits.Expect));
        Assert.True(await Waits.UntilAsync(() => exchange.UncarriedSubscriptions == 1, Waits.Expect));

        await using var greedy = await WsClient.ConnectAsync(new Uri(exchange.WebSocketBase, "/market/stream?streams=a@aggTrade/b@aggTrade/c@aggTrade"));
        Assert.Same(greedy.Completion, await Task.WhenAny(greedy.Completion, Task.Delay(Waits.Expect)));
        Assert.Equal("close 1008 Invalid request", greedy.Ended);
        Assert.Equal(1, exchange.SubscriptionLimitCloses);
    }

    [Fact]
    public async Task Lenient_mode_must_deliver_every_stream_on_every_path_without_limits()
    {
        await using var exchange = await SimExchange.StartAsync(new SimSettings { SymbolCount = 2, Strict = false, MaxStreamsPerConnection = 1 });
        await using var client = await WsClient.ConnectAsync(new Uri(exchange.WebSocketBase, "/ws/btcusdt@aggTrade/btcusdt@markPrice@1s"));
        for (var i = 0; i < 30; i++) await client.SendAsync(List);
        var frames = await client.CollectAsync(TimeSpan.FromMilliseconds(1_500));
        Assert.Contains(frames, f => f.StartsWith("{\"e\":\"aggTrade\"", StringComparison.Ordinal));
        Assert.Contains(frames, f => f.StartsWith("{\"e\":\"markPriceUpdate\"", StringComparison.Ordinal));
        Assert.Equal(30, frames.Count(f => f.StartsWith("{\"result\":[", StringComparison.Ordinal)));
        Assert.Null(client.Ended);
        Assert.Equal((0L, 0L, 0L), (exchange.MessageRateCloses, exchange.SubscriptionLimitCloses, exchange.UncarriedSubscriptions));
    }
}
