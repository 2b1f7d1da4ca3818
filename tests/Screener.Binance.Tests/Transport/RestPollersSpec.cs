using Akka.Streams;
using System.Net;
using System.Text.Json;
using Screener.Binance.Subscriptions;
using Screener.Binance.Transport;
using Screener.Contracts;
using Xunit.Abstractions;
using static Screener.Binance.Tests.Fixture;

namespace Screener.Binance.Tests.Transport;

/// <summary>The slow pollers push their rows into the market connection of each symbol's shard.</summary>
public sealed class RestPollersSpec : ConnectionSpecBase
{
    private readonly StubHttpHandler _http = new();
    private readonly BinanceRestClient _rest;

    public RestPollersSpec(ITestOutputHelper output) : base(output)
    {
        _http.Fallback = request => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new ByteArrayContent(Bytes(request.RequestUri!.AbsolutePath switch
            {
                "/fapi/v1/premiumIndex" => "futures-premiumIndex.json",
                "/fapi/v1/fundingInfo" => "futures-fundingInfo.json",
                _ => "futures-openInterest.json",
            })),
        };
        _rest = new BinanceRestClient(new BinanceRestSettings { BaseUri = new Uri("http://fapi.local") }, Clock, handler: _http);
    }

    /// <summary>One symbol per shard (a connection carries one stream), every shard's market connection running.</summary>
    private (StreamPlan Plan, Dictionary<string, ConnectionFeed> Feeds, Dictionary<string, ISinkQueue<RawFrame>> Queues) RunPlan(params string[] symbols)
    {
        var plan = StreamPlan.Create(symbols, [StreamKind.AggTrade], new StreamPlanSettings(new Uri($"ws://127.0.0.1:{Server.Port}"), 1));
        var feeds = plan.Connections.ToDictionary(c => c.Id, c => new ConnectionFeed(c.Id));
        var queues = plan.Connections.ToDictionary(c => c.Symbols[0],
            c => Run(Subscribing(c.Streams.ToArray()) with { ConnectionId = c.Id, Url = c.Url }, feeds[c.Id]));
        return (plan, feeds, queues);
    }

    private static Task AllUp(Dictionary<string, ConnectionFeed> feeds) =>
        Task.WhenAll(feeds.Values.Select(f => f.WaitUntilUpAsync())).WaitAsync(Wait);

    private static string Row(string fixture, string symbol) =>
        JsonDocument.Parse(Bytes(fixture)).RootElement.EnumerateArray().Single(r => r.GetProperty("symbol").GetString() == symbol).GetRawText();

    private static byte[] Envelope(string kind, params string[] rows) =>
        RestEnvelope.Create(kind, RestEnvelope.AllSymbols, System.Text.Encoding.UTF8.GetBytes("[" + string.Join(",", rows) + "]"));

    private static async Task<List<RawFrame>> RestFrames(ISinkQueue<RawFrame> queue, int count)
    {
        var frames = new List<RawFrame>();
        while (frames.Count < count)
            frames.AddRange((await NextUntil(queue, f => f.Kind == RawFrameKind.Rest)).Where(f => f.Kind == RawFrameKind.Rest));
        return frames;
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task Pollers_must_push_each_shards_rows_into_its_market_connection()
    {
        var (plan, feeds, queues) = RunPlan("BTCUSDT", "XAUUSDT");
        await using var pollers = new RestPollers(_rest, plan, feeds,
            new RestPollerSettings { PremiumIndexInterval = TimeSpan.FromHours(1), FundingInfoInterval = TimeSpan.FromHours(1), OpenInterestInterval = null });

        Assert.NotEqual(plan.Find("BTCUSDT", StreamNames.MarketPath)!.Shard, plan.Find("XAUUSDT", StreamNames.MarketPath)!.Shard);
        pollers.Start();
        var btc = await RestFrames(queues["BTCUSDT"], 2);
        var xau = await RestFrames(queues["XAUUSDT"], 2);

        Assert.Equal(
            new[] { Envelope("premiumIndex", Row("futures-premiumIndex.json", "BTCUSDT")), Envelope("fundingInfo", Row("futures-fundingInfo.json", "BTCUSDT")) }
                .OrderBy(Convert.ToBase64String),
            btc.Select(f => f.Payload.ToArray()).OrderBy(Convert.ToBase64String));
        Assert.Equal(
            new[] { Envelope("premiumIndex", Row("futures-premiumIndex.json", "XAUUSDT")), Envelope("fundingInfo", Row("futures-fundingInfo.json", "XAUUSDT")) }
                .OrderBy(Convert.ToBase64String),
            xau.Select(f => f.Payload.ToArray()).OrderBy(Convert.ToBase64String));
        Assert.Equal((2L, 4L), (pollers.Counters.Polls, pollers.Counters.Published));
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task Pollers_must_drop_rows_of_symbols_outside_the_plan()
    {
        var (plan, feeds, queues) = RunPlan("BTCUSDT");
        await using var pollers = new RestPollers(_rest, plan, feeds,
            new RestPollerSettings { PremiumIndexInterval = TimeSpan.FromHours(1), FundingInfoInterval = null, OpenInterestInterval = null });

        pollers.Start();
        var frame = (await RestFrames(queues["BTCUSDT"], 1)).Single();

        Assert.Equal(Envelope("premiumIndex", Row("futures-premiumIndex.json", "BTCUSDT")), frame.Payload.ToArray());
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task Pollers_must_poll_open_interest_symbol_by_symbol_over_the_interval()
    {
        var (plan, feeds, queues) = RunPlan("BTCUSDT", "XAUUSDT");
        await using var pollers = new RestPollers(_rest, plan, feeds,
            new RestPollerSettings { PremiumIndexInterval = null, FundingInfoInterval = null, OpenInterestInterval = TimeSpan.FromMilliseconds(400) });
        await AllUp(feeds);

        pollers.Start();
        var btc = await RestFrames(queues["BTCUSDT"], 2);
        var xau = await RestFrames(queues["XAUUSDT"], 1);

        Assert.All(btc, f => Assert.Equal(RestEnvelope.OpenInterest("BTCUSDT", Bytes("futures-openInterest.json")), f.Payload.ToArray()));
        Assert.Equal(RestEnvelope.OpenInterest("XAUUSDT", Bytes("futures-openInterest.json")), xau[0].Payload.ToArray());
        var requests = _http.Requests.Select(r => r.Query).ToArray();
        Assert.Equal(["?symbol=BTCUSDT", "?symbol=XAUUSDT", "?symbol=BTCUSDT"], requests.Take(3));
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task Pollers_must_skip_a_poll_while_every_connection_is_down()
    {
        var plan = StreamPlan.Create(["BTCUSDT"], [StreamKind.AggTrade], new StreamPlanSettings(new Uri($"ws://127.0.0.1:{Server.Port}")));
        var feeds = plan.Connections.ToDictionary(c => c.Id, c => new ConnectionFeed(c.Id));
        await using var pollers = new RestPollers(_rest, plan, feeds, new RestPollerSettings { PremiumIndexInterval = TimeSpan.FromMilliseconds(50) });

        pollers.Start();
        await Task.Delay(300);

        Assert.Equal(0, _http.Count);
    }
}
