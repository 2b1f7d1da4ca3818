using System.Net;
using Screener.Sim.Faults;
using Screener.Sim.Server;
using Screener.Sim.Tests.Support;
using Xunit;

namespace Screener.Sim.Tests.Faults;

public sealed class RestStormFaultSpec
{
    [Fact]
    public async Task Rest_429_storm_must_refuse_weighted_calls_for_its_duration_without_banning()
    {
        await using var exchange = await SimExchange.StartAsync(new SimSettings { SymbolCount = 1 });
        using var http = new HttpClient { BaseAddress = exchange.RestBase, Timeout = Waits.Expect };
        exchange.Faults = SimFaults.Parse("rest-429-storm=800ms");
        for (var i = 0; i < 6; i++)
        {
            var reply = await HttpReply.GetAsync(http, "/fapi/v1/depth?symbol=BTCUSDT&limit=5");
            Assert.Equal((HttpStatusCode.TooManyRequests, "1"), (reply.Status, reply.RetryAfter));
            Assert.Equal(-1003, reply.Json.GetProperty("code").GetInt32());
        }
        // Outside the weight budget, fundingInfo is not part of the storm.
        Assert.Equal(HttpStatusCode.OK, (await HttpReply.GetAsync(http, "/fapi/v1/fundingInfo")).Status);
        Assert.True(await Waits.UntilAsync(() => exchange.FaultCounters.Rest429StormReplies == 6, Waits.Expect));

        var deadline = DateTime.UtcNow + Waits.Expect;
        HttpReply after;
        do
        {
            await Task.Delay(100);
            after = await HttpReply.GetAsync(http, "/fapi/v1/depth?symbol=BTCUSDT&limit=5");
        }
        while (after.Status != HttpStatusCode.OK && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Equal(0, exchange.Rest418Count);
        Assert.Null(exchange.BannedUntil);
    }

    [Fact]
    public async Task Rest_429_storm_must_count_calls_that_come_before_retry_after_has_passed()
    {
        await using var exchange = await SimExchange.StartAsync(new SimSettings { SymbolCount = 1 });
        using var http = new HttpClient { BaseAddress = exchange.RestBase, Timeout = Waits.Expect };
        exchange.Faults = SimFaults.Parse("rest-429-storm=1m");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await HttpReply.GetAsync(http, "/fapi/v1/premiumIndex")).Status);
        Assert.Equal(0, exchange.RestCallsBeforeRetryAfter);

        // Straight away: early, also for a call outside the weight budget that is served.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await HttpReply.GetAsync(http, "/fapi/v1/premiumIndex")).Status);
        Assert.Equal(HttpStatusCode.OK, (await HttpReply.GetAsync(http, "/fapi/v1/fundingInfo")).Status);
        Assert.Equal(2, exchange.RestCallsBeforeRetryAfter);

        // After the Retry-After (1 s) of the last 429: not early, though answered 429 again.
        await Task.Delay(TimeSpan.FromMilliseconds(1100));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await HttpReply.GetAsync(http, "/fapi/v1/premiumIndex")).Status);
        Assert.Equal(2, exchange.RestCallsBeforeRetryAfter);
    }
}
