using Screener.Sim.Server;
using Screener.Sim.Tests.Support;
using Xunit;

namespace Screener.Sim.Tests.Server;

public sealed class DisconnectSpec
{
    [Fact]
    public async Task DisconnectAll_must_drop_every_client_without_a_close_handshake()
    {
        await using var exchange = await SimExchange.StartAsync(new SimSettings());
        await using var book = await WsClient.ConnectAsync(new Uri(exchange.WebSocketBase, "/public/stream?streams=btcusdt@depth@100ms"));
        await using var trades = await WsClient.ConnectAsync(new Uri(exchange.WebSocketBase, "/market/ws/btcusdt@aggTrade"));
        Assert.NotNull(await book.NextAsync(Waits.Expect));
        Assert.NotNull(await trades.NextAsync(Waits.Expect));
        Assert.Equal(2, exchange.OpenConnections);

        Assert.Equal(2, exchange.DisconnectAll());

        var both = Task.WhenAll(book.Completion, trades.Completion);
        Assert.Same(both, await Task.WhenAny(both, Task.Delay(Waits.Expect)));
        Assert.StartsWith("WebSocketException", book.Ended);
        Assert.StartsWith("WebSocketException", trades.Ended);
        Assert.True(await Waits.UntilAsync(() => exchange.OpenConnections == 0, Waits.Expect));

        // The exchange keeps serving: a reconnect gets data again.
        await using var again = await WsClient.ConnectAsync(new Uri(exchange.WebSocketBase, "/public/stream?streams=btcusdt@depth@100ms"));
        Assert.NotNull(await again.NextAsync(Waits.Expect));
        Assert.True(exchange.FramesSent > 3);
    }

    [Fact]
    public async Task Client_close_must_get_a_close_reply()
    {
        await using var exchange = await SimExchange.StartAsync(new SimSettings());
        using var client = new System.Net.WebSockets.ClientWebSocket();
        using var cts = new CancellationTokenSource(Waits.Expect);
        await client.ConnectAsync(new Uri(exchange.WebSocketBase, "/public/ws/btcusdt@bookTicker"), cts.Token);
        await client.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "bye", cts.Token);
        Assert.Equal(System.Net.WebSockets.WebSocketState.Closed, client.State);
        Assert.True(await Waits.UntilAsync(() => exchange.OpenConnections == 0, Waits.Expect));
    }
}
