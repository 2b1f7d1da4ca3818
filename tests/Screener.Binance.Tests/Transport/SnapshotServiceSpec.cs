using Akka.Streams;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using Screener.Binance.Transport;
using Screener.Contracts;
using Xunit.Abstractions;
using static Screener.Binance.Tests.Fixture;

namespace Screener.Binance.Tests.Transport;

/// <summary>The shared snapshot queue with two real connections (BTCUSDT depth on s0, ETHUSDT depth on s1) and a stub REST server.</summary>
public sealed class SnapshotServiceSpec : ConnectionSpecBase
{
    private readonly StubHttpHandler _http = new();
    private readonly BinanceRestClient _rest;
    private readonly ConnectionFeed _btcFeed = new("s0/public");
    private readonly ConnectionFeed _ethFeed = new("s1/public");
    private readonly SnapshotService _service;

    public SnapshotServiceSpec(ITestOutputHelper output) : base(output)
    {
        _http.Fallback = _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Bytes("futures-depth-snapshot.json")) };
        _rest = new BinanceRestClient(new BinanceRestSettings { BaseUri = new Uri("http://fapi.local") }, Clock, handler: _http);
        var routes = new Dictionary<string, ConnectionFeed> { ["BTCUSDT"] = _btcFeed, ["ETHUSDT"] = _ethFeed };
        _service = new SnapshotService(_rest, Clock, s => routes.GetValueOrDefault(s),
            new SnapshotServiceSettings { RetryDelay = TimeSpan.FromMilliseconds(100) }, Lines);
    }

    private ISinkQueue<RawFrame> RunBtc() =>
        Run(Subscribing("btcusdt@depth@100ms") with { ConnectionId = "s0/public", Url = Server.WebSocketUrl("/public/ws") }, _btcFeed);

    private ISinkQueue<RawFrame> RunEth() =>
        Run(Subscribing("ethusdt@depth@100ms") with { ConnectionId = "s1/public", Url = Server.WebSocketUrl("/public/ws") }, _ethFeed);

    private static byte[] Diff(string symbol, long u) => Encoding.UTF8.GetBytes(
        $$"""{"e":"depthUpdate","E":{{u}},"T":{{u}},"s":"{{symbol}}","U":{{u}},"u":{{u}},"pu":{{u - 1}},"b":[["1.0","2"]],"a":[]}""");

    private static byte[] Snapshot(string symbol) => RestEnvelope.Depth(symbol, Bytes("futures-depth-snapshot.json"));

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task SnapshotService_must_merge_requests_for_one_symbol_and_wait_for_its_connection()
    {
        _service.RequestSnapshot("BTCUSDT", "gap");
        _service.RequestSnapshot("btcusdt", "gap");
        _service.RequestSnapshot("BTCUSDT", "first diff after connect");
        await Task.Delay(200);

        Assert.Equal((1L, 2L, 1, 0), (_service.Counters.Requested, _service.Counters.Deduplicated, _service.Pending, _http.Count));
        var queue = RunBtc();
        var frames = await NextUntil(queue, f => f.Kind == RawFrameKind.Rest);

        Assert.Equal(Snapshot("BTCUSDT"), frames[^1].Payload.ToArray());
        Assert.Equal("s0/public", frames[^1].ConnectionId);
        Assert.Equal(new Uri("http://fapi.local/fapi/v1/depth?symbol=BTCUSDT&limit=1000"), Assert.Single(_http.Requests));
        await AwaitAssertAsync(() => Assert.Equal(0, _service.Pending), Wait);
        Assert.Equal((1L, 1L), (_service.Counters.Published, _btcFeed.Counters.Snapshots));
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task SnapshotService_must_push_a_snapshot_into_the_connection_carrying_the_symbols_depth()
    {
        var btc = RunBtc();
        var eth = RunEth();
        await _ethFeed.WaitUntilUpAsync().WaitAsync(Wait);
        await _btcFeed.WaitUntilUpAsync().WaitAsync(Wait);

        _service.RequestSnapshot("ETHUSDT", "gap");
        var frames = await NextUntil(eth, f => f.Kind == RawFrameKind.Rest);
        await Server.PublishAsync("btcusdt@depth@100ms", Diff("BTCUSDT", 10));
        await NextUntil(btc, IsData);

        Assert.Equal(Snapshot("ETHUSDT"), frames[^1].Payload.ToArray());
        Assert.Equal((1L, 0L), (_ethFeed.Counters.RestFrames, _btcFeed.Counters.RestFrames));
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task SnapshotService_must_follow_the_first_diff_of_a_symbol_after_every_connect()
    {
        _btcFeed.OnFirstDepthFrame(symbol => _service.RequestSnapshot(symbol, "first diff after connect"));
        var queue = RunBtc();
        await _btcFeed.WaitUntilUpAsync().WaitAsync(Wait);

        await Server.PublishAsync("btcusdt@depth@100ms", Diff("BTCUSDT", 1));
        var first = await NextUntil(queue, f => f.Kind == RawFrameKind.Rest);
        await Server.PublishAsync("btcusdt@depth@100ms", Diff("BTCUSDT", 2));
        await NextUntil(queue, IsData);
        await Server.OpenConnections.Single().CloseAsync(WebSocketCloseStatus.NormalClosure, "bye");
        await AwaitAssertAsync(() => Assert.Equal(2, _btcFeed.Counters.Confirmations), Wait);
        await Server.PublishAsync("btcusdt@depth@100ms", Diff("BTCUSDT", 3));
        var second = await NextUntil(queue, f => f.Kind == RawFrameKind.Rest);

        // The snapshot follows the diff that asked for it, once per connect.
        Assert.Equal([RawFrameKind.WebSocket, RawFrameKind.Rest], first.TakeLast(2).Select(f => f.Kind));
        Assert.Equal(Diff("BTCUSDT", 1), first[^2].Payload.ToArray());
        Assert.Equal(Diff("BTCUSDT", 3), second[^2].Payload.ToArray());
        Assert.Equal(2, _http.Count);
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task SnapshotService_must_fetch_again_when_the_connection_reconnected_before_the_push()
    {
        var gate = new TaskCompletionSource();
        _http.Fallback = null;
        _http.AsyncFallback = async _ =>
        {
            await gate.Task.WaitAsync(Wait);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Bytes("futures-depth-snapshot.json")) };
        };
        var queue = RunBtc();
        await _btcFeed.WaitUntilUpAsync().WaitAsync(Wait);

        _service.RequestSnapshot("BTCUSDT", "gap");
        await AwaitAssertAsync(() => Assert.Equal(1, _http.Count), Wait);
        await Server.OpenConnections.Single().CloseAsync(WebSocketCloseStatus.NormalClosure, "bye");
        await AwaitAssertAsync(() => Assert.Equal(2, _btcFeed.Counters.Confirmations), Wait);
        gate.SetResult();
        var frames = await NextUntil(queue, f => f.Kind == RawFrameKind.Rest);

        Assert.Equal(2, _http.Count);
        Assert.Equal(1L, _service.Counters.Requeued);
        Assert.Single(frames, f => f.Kind == RawFrameKind.Rest);
    }

    [Fact]
    public void SnapshotService_must_ignore_a_symbol_no_connection_carries()
    {
        _service.RequestSnapshot("DOGEUSDT", "gap");

        Assert.Equal((1L, 0L, 0), (_service.Counters.Unroutable, _service.Counters.Requested, _http.Count));
    }
}
