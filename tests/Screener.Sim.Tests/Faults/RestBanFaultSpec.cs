using System.Net;
using System.Net.WebSockets;
using Screener.Sim.Faults;
using Screener.Sim.Server;
using Screener.Sim.Tests.Support;
using Xunit;

namespace Screener.Sim.Tests.Faults;

public sealed class RestBanFaultSpec
{
    [Fact]
    public async Task Rest_418_must_ban_rest_and_websockets_until_it_expires()
    {
        await using var exchange = await SimExchange.StartAsync(new SimSettings { SymbolCount = 1 });
        using var http = new HttpClient { BaseAddress = exchange.RestBase, Timeout = Waits.Expect };
        await using var socket = await WsClient.ConnectAsync(new Uri(exchange.WebSocketBase, "/public/ws/btcusdt@depth@100ms"));
        Assert.NotNull(await socket.NextAsync(Waits.Expect));

        exchange.Faults = SimFaults.Parse("rest-418=1s");
        var banned = await HttpReply.GetAsync(http, "/fapi/v1/ping");
        Assert.Equal(((HttpStatusCode)418, "1"), (banned.Status, banned.RetryAfter));
        Assert.StartsWith("{\"code\":-1003,\"msg\":\"Way too many requests; IP banned until ", banned.Body);
        Assert.NotNull(exchange.BannedUntil);
        Assert.Same(socket.Completion, await Task.WhenAny(socket.Completion, Task.Delay(Waits.Expect)));
        Assert.Equal("close 1008 Policy violation", socket.Ended);

        using (var refused = new ClientWebSocket())
        {
            refused.Options.CollectHttpResponseDetails = true;
            await Assert.ThrowsAsync<WebSocketException>(() => refused.ConnectAsync(new Uri(exchange.WebSocketBase, "/public/ws"), CancellationToken.None));
            Assert.Equal((HttpStatusCode)418, refused.HttpStatusCode);
        }
        Assert.Equal((1L, 1L, 1L), (exchange.FaultCounters.Rest418FaultReplies, exchange.Rest418Count, exchange.WebSocketsClosedForBan));

        Assert.True(await Waits.UntilAsync(() => exchange.BannedUntil is null, Waits.Expect));
        Assert.Equal(HttpStatusCode.OK, (await HttpReply.GetAsync(http, "/fapi/v1/ping")).Status);
        await using var again = await WsClient.ConnectAsync(new Uri(exchange.WebSocketBase, "/public/ws/btcusdt@depth@100ms"));
        Assert.NotNull(await again.NextAsync(Waits.Expect));
    }

    [Fact]
    public async Task Rest_request_count_must_count_every_request_to_a_known_endpoint_whatever_its_answer()
    {
        await using var exchange = await SimExchange.StartAsync(new SimSettings { SymbolCount = 1 });
        using var http = new HttpClient { BaseAddress = exchange.RestBase, Timeout = Waits.Expect };
        Assert.Equal(0, exchange.RestRequestCount);

        Assert.Equal(HttpStatusCode.OK, (await HttpReply.GetAsync(http, "/fapi/v1/ping")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await HttpReply.GetAsync(http, "/fapi/v1/depth?symbol=NOPEUSDT")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await HttpReply.GetAsync(http, "/fapi/v1/nowhere")).Status);
        exchange.Faults = SimFaults.Parse("rest-418=5s");
        Assert.Equal((HttpStatusCode)418, (await HttpReply.GetAsync(http, "/fapi/v1/fundingInfo")).Status);

        Assert.Equal((3L, 1L), (exchange.RestRequestCount, exchange.Rest418Count));
    }
}
