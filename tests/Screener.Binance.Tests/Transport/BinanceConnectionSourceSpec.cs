using System.Net;
using System.Net.WebSockets;
using Akka.Streams;
using Akka.Streams.Dsl;
using Screener.Binance.Transport;
using Screener.Contracts;
using Screener.Contracts.Market;
using Xunit.Abstractions;
using static Screener.Binance.Tests.Fixture;

namespace Screener.Binance.Tests.Transport;

/// <summary>The connection source against a loopback WebSocket server (no live Binance).</summary>
public sealed class BinanceConnectionSourceSpec : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly TestExchangeServer _server = new();
    private readonly ManualClock _clock = new(TsInit);
    private readonly ConnectionCounters _counters = new();
    private readonly ListLogger _log = new();
    private readonly List<UniqueKillSwitch> _running = [];

    public BinanceConnectionSourceSpec(ITestOutputHelper output) : base("akka.loglevel = INFO", output)
    {
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var killSwitch in _running) killSwitch.Shutdown();
        await _server.DisposeAsync();
    }

    private ConnectionSettings Settings(string id = "s0/public") =>
        new ConnectionSettings(id, _server.WebSocketUrl("/public/stream?streams=ksmusdt@depth@100ms"))
        {
            MinBackoff = TimeSpan.FromMilliseconds(50),
            MaxBackoff = TimeSpan.FromMilliseconds(200),
            RandomFactor = 0,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };

    private ISinkQueue<RawFrame> Run(ConnectionSettings settings, BinanceRestClient? rest = null)
    {
        var (killSwitch, queue) = BinanceConnectionSource.Create(settings, _clock, _counters, rest, _log)
            .ViaMaterialized(KillSwitches.Single<RawFrame>(), Keep.Right)
            .ToMaterialized(Sink.Queue<RawFrame>(), Keep.Both)
            .Run(Sys.Materializer());
        _running.Add(killSwitch);
        return queue;
    }

    private static async Task<RawFrame> Next(ISinkQueue<RawFrame> queue)
    {
        var next = await queue.PullAsync().WaitAsync(Wait);
        Assert.True(next.HasValue, "the source completed");
        return next.Value;
    }

    [Fact]
    public async Task Source_must_emit_every_frame_as_received_and_count_it()
    {
        var payloads = new[] { Bytes("futures-depthUpdate.json"), Bytes("subscribe-reply.json"), Bytes("futures-aggTrade.json") };
        foreach (var payload in payloads) _server.Send(payload);

        var queue = Run(Settings());
        var frames = new List<RawFrame>();
        for (var i = 0; i < payloads.Length; i++) frames.Add(await Next(queue));

        Assert.Equal(payloads.Select(p => new RawFrame("s0/public", 0, TsInit, RawFrameKind.WebSocket, p)), frames);
        await AwaitAssertAsync(() => Assert.Equal(1, _counters.Connects));
        Assert.Equal((3L, payloads.Sum(p => (long)p.Length), 0L), (_counters.Frames, _counters.Bytes, _counters.Restarts));
        Assert.Contains("/public/stream?streams=ksmusdt@depth@100ms", _server.Requests);
        Assert.Contains(_log.Lines, l => l.Contains("s0/public connected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Source_must_reconnect_after_a_server_close_and_record_its_cause()
    {
        _server.Send(Bytes("futures-aggTrade.json"));
        _server.Close(WebSocketCloseStatus.PolicyViolation, "Too many requests");
        _server.Send(Bytes("futures-bookTicker.json"));

        var queue = Run(Settings());
        var first = await Next(queue);
        var second = await Next(queue);

        Assert.Equal(Bytes("futures-aggTrade.json"), first.Payload.ToArray());
        Assert.Equal(Bytes("futures-bookTicker.json"), second.Payload.ToArray());
        await AwaitAssertAsync(() => Assert.Equal(2, _counters.Connects));
        Assert.Equal(1, _counters.Restarts);
        Assert.Equal("closed by server (close 1008 PolicyViolation 'Too many requests')", _counters.LastDisconnectReason);
        Assert.Equal(TsInit, _counters.LastDisconnectTicks);
        Assert.Contains(_log.Lines, l => l.Contains("s0/public disconnected: closed by server (close 1008", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Source_must_fail_a_silent_connection_and_reconnect()
    {
        var queue = Run(Settings() with { IdleTimeout = TimeSpan.FromMilliseconds(300) });

        await AwaitAssertAsync(() => Assert.True(_counters.Restarts >= 1), Wait);
        Assert.Equal("idle: no frame for 0.3 s", _counters.LastDisconnectReason);
        _server.Send(Bytes("futures-aggTrade.json"));
        Assert.Equal(Bytes("futures-aggTrade.json"), (await Next(queue)).Payload.ToArray());
    }

    [Fact]
    public async Task Source_must_keep_retrying_an_unreachable_exchange_with_a_clear_cause()
    {
        var settings = Settings() with { Url = new Uri("ws://127.0.0.1:1/public/stream?streams=x@depth") };

        Run(settings);

        await AwaitAssertAsync(() => Assert.True(_counters.Restarts >= 2), Wait);
        Assert.StartsWith("connect failed: ", _counters.LastDisconnectReason);
        Assert.Equal(0, _counters.Connects);
    }

    [Fact]
    public async Task Source_must_back_off_exponentially_between_failed_connects()
    {
        var settings = Settings() with
        {
            Url = new Uri("ws://127.0.0.1:1/public/stream?streams=x@depth"),
            MinBackoff = TimeSpan.FromMilliseconds(100),
            MaxBackoff = TimeSpan.FromSeconds(5),
        };

        Run(settings);
        await Task.Delay(TimeSpan.FromMilliseconds(1600));

        // 100 + 200 + 400 + 800 ms: at most four restarts fit; a backoff that never grew would allow about fifteen.
        Assert.InRange(_counters.Restarts, 2, 4);
    }

    [Fact]
    public async Task Source_must_apply_backpressure_instead_of_dropping_frames()
    {
        var lines = Lines("futures-depthUpdate-sequence.jsonl");
        foreach (var line in lines) _server.Send(System.Text.Encoding.UTF8.GetBytes(line));

        var queue = Run(Settings() with { ChannelCapacity = 4 });
        await Task.Delay(300);
        var received = new List<string>();
        for (var i = 0; i < lines.Length; i++) received.Add(System.Text.Encoding.UTF8.GetString((await Next(queue)).Payload.Span));

        Assert.Equal(lines, received);
        Assert.Equal(0, _counters.Restarts);
    }

    [Fact]
    public async Task Source_must_follow_the_first_depth_frame_of_a_symbol_with_one_snapshot()
    {
        var http = new StubHttpHandler();
        http.Respond(HttpStatusCode.OK, Bytes("futures-depth-snapshot.json"), r => r.Headers.Add("X-MBX-USED-WEIGHT-1M", "20"));
        using var rest = new BinanceRestClient(new BinanceRestSettings { BaseUri = new Uri("http://sim.local") }, _clock, handler: http);
        var lines = Lines("futures-depthUpdate-sequence.jsonl");
        _server.Send(System.Text.Encoding.UTF8.GetBytes(lines[0]));

        var queue = Run(Settings(), rest);
        var first = await Next(queue);
        var snapshot = await Next(queue);
        _server.Send(System.Text.Encoding.UTF8.GetBytes(lines[1]));
        var third = await Next(queue);

        Assert.Equal(RawFrameKind.WebSocket, first.Kind);
        Assert.Equal((RawFrameKind.Rest, "s0/public", 0L), (snapshot.Kind, snapshot.ConnectionId, snapshot.Sequence));
        Assert.Equal(RestEnvelope.Depth("KSMUSDT", Bytes("futures-depth-snapshot.json")), snapshot.Payload.ToArray());
        var decoded = Single<DepthSnapshot>(snapshot with { Sequence = Sequence });
        Assert.Equal(("KSMUSDT", 335340592949L), (decoded.Symbol, decoded.LastUpdateId));
        Assert.Equal(RawFrameKind.WebSocket, third.Kind);
        Assert.Equal(new Uri("http://sim.local/fapi/v1/depth?symbol=KSMUSDT&limit=1000"), Assert.Single(http.Requests));
        Assert.Equal(1, _counters.Snapshots);
    }

    [Fact]
    public async Task Source_must_retry_a_failed_snapshot_on_a_later_depth_frame()
    {
        var http = new StubHttpHandler();
        http.Respond(HttpStatusCode.InternalServerError, """{"code":-1001,"msg":"Internal error"}""")
            .Respond(HttpStatusCode.OK, Bytes("futures-depth-snapshot.json"));
        using var rest = new BinanceRestClient(new BinanceRestSettings { BaseUri = new Uri("http://sim.local") }, _clock, handler: http);
        var lines = Lines("futures-depthUpdate-sequence.jsonl");

        var queue = Run(Settings() with { SnapshotRetryDelay = TimeSpan.FromSeconds(5) }, rest);
        _server.Send(System.Text.Encoding.UTF8.GetBytes(lines[0]));
        await Next(queue);
        await AwaitAssertAsync(() => Assert.Equal(1, _counters.SnapshotFailures), Wait);
        _server.Send(System.Text.Encoding.UTF8.GetBytes(lines[1]));
        await Next(queue);
        _clock.Advance(TimeSpan.FromSeconds(6));
        _server.Send(System.Text.Encoding.UTF8.GetBytes(lines[2]));
        await Next(queue);
        var snapshot = await Next(queue);

        // Within the delay the second frame did not ask again; after it the third did.
        Assert.Equal(RawFrameKind.Rest, snapshot.Kind);
        Assert.Equal(2, http.Count);
        Assert.Equal(1, _counters.Snapshots);
        Assert.Contains(_log.Lines, l => l.Contains("depth snapshot for KSMUSDT failed", StringComparison.Ordinal) && l.Contains("-1001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RestClient_must_decompress_gzip_from_a_real_socket()
    {
        _server.HttpBody = Bytes("futures-exchangeInfo-excerpt.json");
        using var rest = new BinanceRestClient(new BinanceRestSettings { BaseUri = _server.HttpBase }, _clock);

        var info = await rest.GetExchangeInfoAsync();

        Assert.Equal(3, info.Symbols.Count);
        Assert.Contains("gzip", _server.LastAcceptEncoding);
        Assert.Equal(3, rest.LastUsedWeight1m);
    }
}
