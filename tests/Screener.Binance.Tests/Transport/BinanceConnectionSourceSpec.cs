using Akka.Streams;
using System.Net;
using System.Net.WebSockets;
using Screener.Binance.Transport;
using Screener.Contracts;
using Screener.Contracts.Market;
using Xunit.Abstractions;
using static Screener.Binance.Tests.Fixture;

namespace Screener.Binance.Tests.Transport;

/// <summary>The connection source's frames, statuses, reconnects and per-connection snapshots against a loopback server.</summary>
public sealed class BinanceConnectionSourceSpec(ITestOutputHelper output) : ConnectionSpecBase(output)
{
    /// <summary>A combined-stream URL naming its streams: nothing to subscribe.</summary>
    private ConnectionSettings UrlNamed(string id = "s0/public") =>
        new ConnectionSettings(id, Server.WebSocketUrl("/public/stream?streams=ksmusdt@depth@100ms"))
        {
            MinBackoff = TimeSpan.FromMilliseconds(50),
            MaxBackoff = TimeSpan.FromMilliseconds(200),
            RandomFactor = 0,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };

    private ISinkQueue<RawFrame> RunLegacy(ConnectionSettings settings, BinanceRestClient? rest = null) =>
        Run(BinanceConnectionSource.Create(settings, Clock, Counters, rest, Lines));

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task Source_must_emit_a_connected_status_then_every_frame_as_received_and_count_it()
    {
        var payloads = new[] { Bytes("futures-depthUpdate.json"), Bytes("subscribe-reply.json"), Bytes("futures-aggTrade.json") };
        foreach (var payload in payloads) Server.Send(payload);

        var queue = RunLegacy(UrlNamed());
        var status = await Next(queue);
        var frames = new List<RawFrame>();
        for (var i = 0; i < payloads.Length; i++) frames.Add(await Next(queue));

        Assert.Equal(new Connected(TsInit, TsInit, 0, "s0/public"), StatusOf(status));
        Assert.Equal(("s0/public", 0L, TsInit), (status.ConnectionId, status.Sequence, status.TsInit));
        Assert.Equal(payloads.Select(p => new RawFrame("s0/public", 0, TsInit, RawFrameKind.WebSocket, p)), frames);
        Assert.Equal(1, Counters.Connects);
        Assert.Equal((3L, payloads.Sum(p => (long)p.Length), 0L), (Counters.Frames, Counters.Bytes, Counters.Restarts));
        Assert.Contains("/public/stream?streams=ksmusdt@depth@100ms", Server.Requests);
        Assert.Contains(Lines.Lines, l => l.Contains("s0/public connected", StringComparison.Ordinal));
        Assert.Empty(Server.Received);
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task Source_must_reconnect_after_a_server_close_and_record_its_cause_in_a_status_frame()
    {
        Server.Send(Bytes("futures-aggTrade.json"));
        Server.Close(WebSocketCloseStatus.PolicyViolation, "Too many requests");
        Server.Send(Bytes("futures-bookTicker.json"));

        var queue = RunLegacy(UrlNamed());
        var frames = await NextUntil(queue, f => f.Payload.Span.SequenceEqual(Bytes("futures-bookTicker.json")));

        Assert.Equal([RawFrameKind.Status, RawFrameKind.WebSocket, RawFrameKind.Status, RawFrameKind.Status, RawFrameKind.WebSocket],
            frames.Select(f => f.Kind));
        const string reason = "closed by server (close 1008 PolicyViolation 'Too many requests')";
        Assert.Equal(new Disconnected(TsInit, TsInit, 0, "s0/public", reason), StatusOf(frames[2]));
        Assert.IsType<Connected>(StatusOf(frames[3]));
        Assert.Equal((2L, 1L, 1L), (Counters.Connects, Counters.Restarts, Counters.Disconnects));
        Assert.Equal(reason, Counters.LastDisconnectReason);
        Assert.Equal(TsInit, Counters.LastDisconnectTicks);
        Assert.Contains(Lines.Lines, l => l.Contains($"s0/public disconnected: {reason}", StringComparison.Ordinal));
        Assert.Contains(Lines.Lines, l => l.Contains("s0/public reconnecting (restart 1)", StringComparison.Ordinal));
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task Source_must_fail_a_subscribed_connection_without_data_as_stale_and_reconnect()
    {
        var queue = Run(Subscribing("btcusdt@aggTrade") with { NoDataTimeout = TimeSpan.FromMilliseconds(300) });

        var frames = await NextUntil(queue, IsDisconnected);
        await AwaitAssertAsync(() => Assert.True(Counters.Confirmations >= 2), Wait);

        const string reason = "stale: subscribed to 1 streams but no data for 0.3 s";
        Assert.Equal(reason, ((Disconnected)StatusOf(frames[^1])).Reason);
        Assert.True(Counters.StaleDisconnects >= 1);
        Assert.True(Counters.Restarts >= 1);
        await Server.PublishAsync("btcusdt@aggTrade", AggTrade(1));
        Assert.Equal(1, AggIdOf((await NextUntil(queue, IsData))[^1]));
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task Source_must_not_take_its_own_backpressure_for_a_silent_exchange()
    {
        var queue = Run(Subscribing("btcusdt@aggTrade") with { NoDataTimeout = TimeSpan.FromMilliseconds(300), ChannelCapacity = 2 });
        await AwaitAssertAsync(() => Assert.True(Counters.IsUp), Wait);

        // More than the queue and the channel hold: the socket is held back for over three no-data timeouts.
        for (var id = 1; id <= 200; id++) await Server.PublishAsync("btcusdt@aggTrade", AggTrade(id));
        await Task.Delay(1_000);
        var frames = await NextUntil(queue, f => IsData(f) && AggIdOf(f) == 200);

        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), frames.Where(IsData).Select(AggIdOf));
        Assert.Equal((0L, 0L, 0L), (Counters.StaleDisconnects, Counters.Disconnects, Counters.Restarts));
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task Source_must_keep_a_connection_that_delivers_data()
    {
        var queue = Run(Subscribing("btcusdt@aggTrade") with { NoDataTimeout = TimeSpan.FromSeconds(1) });
        await AwaitAssertAsync(() => Assert.True(Counters.IsUp), Wait);

        // Twice the timeout in all, never more than a fifth of it apart.
        for (var id = 1; id <= 10; id++)
        {
            await Server.PublishAsync("btcusdt@aggTrade", AggTrade(id));
            await Task.Delay(200);
        }

        var frames = await NextUntil(queue, f => IsData(f) && AggIdOf(f) == 10);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), frames.Where(IsData).Select(AggIdOf));
        Assert.Equal((0L, 0L), (Counters.StaleDisconnects, Counters.Restarts));
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task Source_must_keep_retrying_an_unreachable_exchange_with_a_clear_cause()
    {
        RunLegacy(UrlNamed() with { Url = new Uri("ws://127.0.0.1:1/public/stream?streams=x@depth") });

        await AwaitAssertAsync(() => Assert.True(Counters.Restarts >= 2), Wait);
        Assert.StartsWith("connect failed: ", Counters.LastDisconnectReason);
        Assert.Equal(0, Counters.Connects);
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task Source_must_back_off_exponentially_between_failed_connects()
    {
        RunLegacy(UrlNamed() with
        {
            Url = new Uri("ws://127.0.0.1:1/public/stream?streams=x@depth"),
            MinBackoff = TimeSpan.FromMilliseconds(100),
            MaxBackoff = TimeSpan.FromSeconds(5),
        });
        await Task.Delay(TimeSpan.FromMilliseconds(1600));

        // 100 + 200 + 400 + 800 ms: at most four restarts fit; a backoff that never grew would allow about fifteen.
        Assert.InRange(Counters.Restarts, 2, 4);
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task Source_must_apply_backpressure_instead_of_dropping_frames()
    {
        var lines = Lines("futures-depthUpdate-sequence.jsonl");
        foreach (var line in lines) Server.Send(System.Text.Encoding.UTF8.GetBytes(line));

        var queue = RunLegacy(UrlNamed() with { ChannelCapacity = 4 });
        await Task.Delay(300);
        Assert.Equal(RawFrameKind.Status, (await Next(queue)).Kind);
        var received = new List<string>();
        for (var i = 0; i < lines.Length; i++) received.Add(Text(await Next(queue)));

        Assert.Equal(lines, received);
        Assert.Equal(0, Counters.Restarts);
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task Source_must_follow_the_first_depth_frame_of_a_symbol_with_one_snapshot()
    {
        var http = new StubHttpHandler();
        http.Respond(HttpStatusCode.OK, Bytes("futures-depth-snapshot.json"), r => r.Headers.Add("X-MBX-USED-WEIGHT-1M", "20"));
        using var rest = new BinanceRestClient(new BinanceRestSettings { BaseUri = new Uri("http://sim.local") }, Clock, handler: http);
        var lines = Lines("futures-depthUpdate-sequence.jsonl");
        Server.Send(System.Text.Encoding.UTF8.GetBytes(lines[0]));

        var queue = RunLegacy(UrlNamed(), rest);
        var connected = await Next(queue);
        var first = await Next(queue);
        var snapshot = await Next(queue);
        Server.Send(System.Text.Encoding.UTF8.GetBytes(lines[1]));
        var third = await Next(queue);

        Assert.Equal((RawFrameKind.Status, RawFrameKind.WebSocket), (connected.Kind, first.Kind));
        Assert.Equal((RawFrameKind.Rest, "s0/public", 0L), (snapshot.Kind, snapshot.ConnectionId, snapshot.Sequence));
        Assert.Equal(RestEnvelope.Depth("KSMUSDT", Bytes("futures-depth-snapshot.json")), snapshot.Payload.ToArray());
        var decoded = Single<DepthSnapshot>(snapshot with { Sequence = Sequence });
        Assert.Equal(("KSMUSDT", 335340592949L), (decoded.Symbol, decoded.LastUpdateId));
        Assert.Equal(RawFrameKind.WebSocket, third.Kind);
        Assert.Equal(new Uri("http://sim.local/fapi/v1/depth?symbol=KSMUSDT&limit=1000"), Assert.Single(http.Requests));
        Assert.Equal((1L, 1L), (Counters.Snapshots, Counters.RestFrames));
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task Source_must_retry_a_failed_snapshot_after_the_retry_delay()
    {
        var http = new StubHttpHandler();
        http.Respond(HttpStatusCode.InternalServerError, """{"code":-1001,"msg":"Internal error"}""")
            .Respond(HttpStatusCode.OK, Bytes("futures-depth-snapshot.json"));
        using var rest = new BinanceRestClient(new BinanceRestSettings { BaseUri = new Uri("http://sim.local") }, Clock, handler: http);
        var lines = Lines("futures-depthUpdate-sequence.jsonl");
        Server.Send(System.Text.Encoding.UTF8.GetBytes(lines[0]));

        var queue = RunLegacy(UrlNamed() with { SnapshotRetryDelay = TimeSpan.FromMilliseconds(200) }, rest);
        var frames = await NextUntil(queue, f => f.Kind == RawFrameKind.Rest);

        Assert.Equal([RawFrameKind.Status, RawFrameKind.WebSocket, RawFrameKind.Rest], frames.Select(f => f.Kind));
        Assert.Equal(2, http.Count);
        Assert.Equal((1L, 1L), (Counters.Snapshots, Counters.SnapshotFailures));
        Assert.Contains(Lines.Lines, l => l.Contains("Depth snapshot for KSMUSDT failed", StringComparison.Ordinal) && l.Contains("-1001", StringComparison.Ordinal));
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task RestClient_must_decompress_gzip_from_a_real_socket()
    {
        Server.HttpBody = Bytes("futures-exchangeInfo-excerpt.json");
        using var rest = new BinanceRestClient(new BinanceRestSettings { BaseUri = Server.HttpBase }, Clock);

        var info = await rest.GetExchangeInfoAsync();

        Assert.Equal(3, info.Symbols.Count);
        Assert.Contains("gzip", Server.LastAcceptEncoding);
        Assert.Equal(3, rest.LastUsedWeight1m);
    }
}
