using System.Diagnostics;
using Screener.Sim.Server;
using Screener.Sim.Tests.Support;
using Xunit;

namespace Screener.Sim.Tests.Server;

public sealed class PingSpec
{
    private static readonly SimSettings FastPings = new()
    {
        PingInterval = TimeSpan.FromMilliseconds(200),
        PongTimeout = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public async Task Server_must_send_ping_frames_every_ping_interval()
    {
        await using var exchange = await SimExchange.StartAsync(FastPings);
        using var cts = new CancellationTokenSource(Waits.Expect);
        using var raw = await RawWebSocket.ConnectAsync(exchange.WebSocketBase, "/public/ws", cts.Token);
        var pings = 0;
        var clock = Stopwatch.StartNew();
        while (pings < 3)
        {
            var frame = await raw.ReadFrameAsync(cts.Token);
            Assert.NotNull(frame);
            if (frame.Value.Opcode != RawWebSocket.Ping) continue;
            pings++;
            await raw.SendFrameAsync(RawWebSocket.Pong, frame.Value.Payload, cts.Token);
        }
        // Three pings answered with pongs: the connection is alive and pings come at the interval, not in a burst.
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(350), TimeSpan.FromSeconds(3));
        Assert.Equal(1, exchange.OpenConnections);
    }

    [Fact]
    public async Task Server_must_drop_a_client_that_never_pongs()
    {
        await using var exchange = await SimExchange.StartAsync(FastPings);
        using var cts = new CancellationTokenSource(Waits.Expect * 2);
        using var raw = await RawWebSocket.ConnectAsync(exchange.WebSocketBase, "/public/ws", cts.Token);
        Stopwatch? sinceFirstPing = null;
        while (true)
        {
            var frame = await raw.ReadFrameAsync(cts.Token);
            if (frame is null || frame.Value.Opcode == RawWebSocket.Close) break;
            if (frame.Value.Opcode == RawWebSocket.Ping) sinceFirstPing ??= Stopwatch.StartNew();
        }
        Assert.NotNull(sinceFirstPing);
        // Dropped after the 1 s pong deadline, not before (upper bound leaves room for a loaded machine).
        Assert.InRange(sinceFirstPing.Elapsed, TimeSpan.FromMilliseconds(700), TimeSpan.FromSeconds(6));
        Assert.True(await Waits.UntilAsync(() => exchange.OpenConnections == 0, Waits.Expect));
    }

    [Fact]
    public async Task Server_must_answer_client_pings_and_ignore_unsolicited_pongs()
    {
        await using var exchange = await SimExchange.StartAsync(new SimSettings());
        using var cts = new CancellationTokenSource(Waits.Expect);
        using var raw = await RawWebSocket.ConnectAsync(exchange.WebSocketBase, "/market/ws", cts.Token);
        await raw.SendFrameAsync(RawWebSocket.Pong, "unsolicited"u8.ToArray(), cts.Token);
        await raw.SendFrameAsync(RawWebSocket.Ping, "1791382994658"u8.ToArray(), cts.Token);
        var frame = await raw.ReadFrameAsync(cts.Token);
        Assert.NotNull(frame);
        Assert.Equal(RawWebSocket.Pong, frame.Value.Opcode);
        Assert.Equal("1791382994658"u8.ToArray(), frame.Value.Payload);
        await raw.SendFrameAsync(RawWebSocket.Text, "{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":1}"u8.ToArray(), cts.Token);
        var reply = await raw.ReadFrameAsync(cts.Token);
        Assert.NotNull(reply);
        Assert.Equal(RawWebSocket.Text, reply.Value.Opcode);
        Assert.Equal("{\"result\":[],\"id\":1}", System.Text.Encoding.UTF8.GetString(reply.Value.Payload));
    }

    [Fact]
    public async Task ClientWebSocket_must_stay_connected_while_it_answers_pings()
    {
        await using var exchange = await SimExchange.StartAsync(FastPings);
        await using var client = await WsClient.ConnectAsync(new Uri(exchange.WebSocketBase, "/public/ws"));
        // No subscriptions, so only pings travel; ClientWebSocket answers them from its receive loop.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Null(client.Ended);
        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, client.Socket.State);
        Assert.Equal(1, exchange.OpenConnections);
        await client.SendAsync("""{"method":"LIST_SUBSCRIPTIONS","id":1}""");
        Assert.Equal("""{"result":[],"id":1}""", await client.NextAsync(Waits.Expect));
    }
}
