using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Akka.Streams;
using Akka.Streams.Dsl;
using Screener.Binance.Transport;
using Screener.Contracts;
using Screener.Contracts.Market;
using Screener.Contracts.Serialization;
using Xunit.Abstractions;
using static Screener.Binance.Tests.Fixture;

namespace Screener.Binance.Tests.Transport;

/// <summary>Connection sources against the loopback <see cref="TestExchangeServer"/> (no live Binance), materialized on the TestKit system.</summary>
public abstract class ConnectionSpecBase : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly List<UniqueKillSwitch> _running = [];
    private readonly ITestOutputHelper _output;

    protected ConnectionSpecBase(ITestOutputHelper output) : base("akka.loglevel = INFO", output) => _output = output;

    internal TestExchangeServer Server { get; } = new();

    internal ManualClock Clock { get; } = new(TsInit);

    internal ListLogger Lines { get; } = new();

    protected ConnectionCounters Counters { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var killSwitch in _running) killSwitch.Shutdown();
        await Server.DisposeAsync();
        // The connector's own log lines, for the report of a failed spec.
        foreach (var line in Lines.Lines) _output.WriteLine(line);
    }

    /// <summary>Subscribing settings on the bare endpoint, with short test timings.</summary>
    protected ConnectionSettings Subscribing(params string[] streams) =>
        new ConnectionSettings("s0/market", Server.WebSocketUrl("/market/ws"))
        {
            Streams = streams,
            MinBackoff = TimeSpan.FromMilliseconds(50),
            MaxBackoff = TimeSpan.FromMilliseconds(200),
            RandomFactor = 0,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            Subscription = new Screener.Binance.Subscriptions.SubscriptionSettings { MessagesPerSecond = 10, ReplyTimeout = TimeSpan.FromSeconds(3) },
        };

    protected ISinkQueue<RawFrame> Run(ConnectionSettings settings, ConnectionFeed? feed = null)
    {
        var source = BinanceConnectionSource.Create(settings, feed ?? new ConnectionFeed(settings.ConnectionId, Counters), Clock, Lines);
        return Run(source);
    }

    protected ISinkQueue<RawFrame> Run(Source<RawFrame, Akka.NotUsed> source)
    {
        var (killSwitch, queue) = source
            .ViaMaterialized(KillSwitches.Single<RawFrame>(), Keep.Right)
            .ToMaterialized(Sink.Queue<RawFrame>(), Keep.Both)
            .Run(Sys.Materializer());
        _running.Add(killSwitch);
        return queue;
    }

    protected static async Task<RawFrame> Next(ISinkQueue<RawFrame> queue)
    {
        var next = await queue.PullAsync().WaitAsync(Wait);
        Assert.True(next.HasValue, "the source completed");
        return next.Value;
    }

    /// <summary>Pulls until a frame satisfies <paramref name="match"/> (within <see cref="Wait"/> in all); returns it and everything before it.</summary>
    protected static async Task<List<RawFrame>> NextUntil(ISinkQueue<RawFrame> queue, Func<RawFrame, bool> match)
    {
        var deadline = Stopwatch.StartNew();
        var frames = new List<RawFrame>();
        while (true)
        {
            Assert.True(deadline.Elapsed < Wait, $"no matching frame within {Wait} ({frames.Count} others)");
            var frame = await Next(queue);
            frames.Add(frame);
            if (match(frame)) return frames;
        }
    }

    protected static MarketEvent StatusOf(RawFrame frame)
    {
        Assert.Equal(RawFrameKind.Status, frame.Kind);
        return (MarketEvent)ContractSerializer.Deserialize(frame.Payload.Span, ContractSerializer.MarketEventV1);
    }

    protected static bool IsDisconnected(RawFrame frame) => frame.Kind == RawFrameKind.Status && StatusOf(frame) is Disconnected;

    protected static bool IsConnected(RawFrame frame) => frame.Kind == RawFrameKind.Status && StatusOf(frame) is Connected;

    protected static bool IsData(RawFrame frame) =>
        frame.Kind == RawFrameKind.WebSocket && !Text(frame).Contains("\"result\"", StringComparison.Ordinal);

    protected static string Text(RawFrame frame) => Encoding.UTF8.GetString(frame.Payload.Span);

    /// <summary>A bare aggTrade payload with aggregate id <paramref name="id"/> (what the <c>/ws</c> endpoint sends).</summary>
    protected static byte[] AggTrade(long id, string symbol = "BTCUSDT") => Encoding.UTF8.GetBytes(
        $$"""{"e":"aggTrade","E":{{1791382992488 + id}},"a":{{id}},"s":"{{symbol}}","p":"83091.70","q":"0.022","nq":"0.022","f":{{id * 2}},"l":{{id * 2 + 1}},"T":{{1791382992338 + id}},"m":false,"st":1}""");

    protected static long AggIdOf(RawFrame frame) => JsonDocument.Parse(frame.Payload).RootElement.GetProperty("a").GetInt64();
}
