using System.Net;
using System.Text;
using Screener.Binance.Subscriptions;
using Screener.Binance.Transport;
using Screener.Binance.Universe;
using Screener.Contracts;
using Xunit.Abstractions;
using static Screener.Binance.Tests.Fixture;

namespace Screener.Binance.Tests.Transport;

/// <summary>Universe → parts → running sources, against the loopback exchange and a metering REST stub.</summary>
public sealed class BinanceIngestBuilderSpec(ITestOutputHelper output) : ConnectionSpecBase(output)
{
    [Fact]
    public async Task Builder_must_wire_plan_sources_snapshots_and_the_limiter_for_a_universe()
    {
        var exchange = new WeightEnforcingHandler(Clock);
        var limiter = new RestWeightLimiter(null, Clock);
        using var rest = new BinanceRestClient(new BinanceRestSettings { BaseUri = new Uri("http://fapi.local") }, Clock, handler: exchange, gate: limiter);
        limiter.SetLimit(1200);
        var universe = await UniverseBuilder.BuildAsync(rest, UniverseSettings.Default);
        var settings = new BinanceIngestSettings
        {
            Plan = new StreamPlanSettings(new Uri($"ws://127.0.0.1:{Server.Port}")),
            Connection = Subscribing(),
            Pollers = new RestPollerSettings { PremiumIndexInterval = null, OpenInterestInterval = null, FundingInfoInterval = null },
        };

        await using var parts = BinanceIngestBuilder.Build(universe, settings, rest, Clock, new ListLoggerFactory(Lines), limiter);
        var connections = parts.Connections.ToDictionary(c => c.Id);
        var queue = Run(connections["s0/public"].Source);
        Run(connections["s0/market"].Source);
        await connections["s0/public"].Feed.WaitUntilUpAsync().WaitAsync(Wait);
        var delivered = await Server.PublishAsync("btcusdt@depth@100ms",
            Encoding.UTF8.GetBytes("""{"e":"depthUpdate","E":1,"T":1,"s":"BTCUSDT","U":5,"u":6,"pu":4,"b":[],"a":[]}"""));
        Assert.Equal(1, delivered);
        var frames = await NextUntil(queue, f => f.Kind == RawFrameKind.Rest);
        ((ISnapshotRequester)parts.Snapshots).RequestSnapshot("BTCUSDT", "gap");
        var gapFrames = await NextUntil(queue, f => f.Kind == RawFrameKind.Rest);

        Assert.Equal(["BTCUSDT"], parts.Universe.Names);
        Assert.Equal(["s0/public", "s0/market"], parts.Connections.Select(c => c.Id));
        Assert.Equal(["btcusdt@depth@100ms", "btcusdt@bookTicker"], connections["s0/public"].Settings.Streams);
        Assert.Equal(["btcusdt@aggTrade", "btcusdt@markPrice@1s", "btcusdt@forceOrder"], connections["s0/market"].Settings.Streams);
        Assert.Equal(Server.WebSocketUrl("/public/ws"), connections["s0/public"].Settings.Url);
        Assert.Equal(2400, limiter.Limit);
        Assert.Equal(RestEnvelope.Depth("BTCUSDT", Bytes("futures-depth-snapshot-2026.json")), frames[^1].Payload.ToArray());
        Assert.Equal(RawFrameKind.Rest, gapFrames.Single().Kind);
        Assert.Equal(2, connections["s0/public"].Counters.Snapshots);
        Assert.Equal((2L, 2L), (parts.Snapshots.Counters.Published, parts.Snapshots.Counters.Requested));
        Assert.Same(limiter.Counters, parts.LimiterCounters);
        Assert.Equal(41L, limiter.Counters.WeightUsed);
        Assert.Equal(0, exchange.Issued418);
    }
}
