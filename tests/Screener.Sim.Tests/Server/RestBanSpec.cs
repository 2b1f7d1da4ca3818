using System.Net;
using System.Net.WebSockets;
using Screener.Sim.Server;
using Screener.Sim.Tests.Support;
using Xunit;

namespace Screener.Sim.Tests.Server;

public sealed class RestBanSpec
{
    /// <summary>A small budget and a short ban, on a clock that starts on a minute so the window never resets mid-test.</summary>
    private static readonly SimSettings Tight = new()
    {
        SymbolCount = 2,
        StartTimeMs = MinuteStartFixture.StartMs,
        RestWeightLimit = 30,
        RestBanDuration = TimeSpan.FromMilliseconds(600),
    };

    [Fact]
    public async Task Rest_must_answer_429_then_ban_with_418_and_escalate_repeat_bans()
    {
        await using var exchange = await SimExchange.StartAsync(Tight);
        using var http = new HttpClient { BaseAddress = exchange.RestBase, Timeout = Waits.Expect };
        await using var socket = await WsClient.ConnectAsync(new Uri(exchange.WebSocketBase, "/market/ws/btcusdt@aggTrade"));

        var ok = await HttpReply.GetAsync(http, "/fapi/v1/depth?symbol=BTCUSDT&limit=1000");
        Assert.Equal((HttpStatusCode.OK, (int?)20), (ok.Status, ok.UsedWeight));
        var refused = await HttpReply.GetAsync(http, "/fapi/v1/depth?symbol=BTCUSDT&limit=1000");
        Assert.Equal((HttpStatusCode.TooManyRequests, (int?)40), (refused.Status, refused.UsedWeight));
        Assert.InRange(int.Parse(refused.RetryAfter!), 50, 60);
        Assert.Equal(JsonShape.Of(Fixture.Text("error-429.json")), JsonShape.Of(refused.Body));
        Assert.Equal("""{"code":-1003,"msg":"Too many requests; current limit is 30 requests per minute. Please use the websocket for live updates to avoid polling the API."}""", refused.Body);

        // Two more requests are still 429s; the third one after the first 429 is banned.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await HttpReply.GetAsync(http, "/fapi/v1/ping")).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await HttpReply.GetAsync(http, "/fapi/v1/ping")).Status);
        var banned = await HttpReply.GetAsync(http, "/fapi/v1/time");
        Assert.Equal(((HttpStatusCode)418, "1"), (banned.Status, banned.RetryAfter));
        Assert.Equal(JsonShape.Of(Fixture.Text("error-418.json")), JsonShape.Of(banned.Body));
        var until = exchange.BannedUntil!.Value.ToUnixTimeMilliseconds();
        Assert.Contains($"\"Way too many requests; IP banned until {until}. ", banned.Body);
        Assert.Equal((3L, 1L), (exchange.Rest429Count, exchange.Rest418Count));

        // While banned: every REST call is 418 (unweighted fundingInfo too), the open socket is closed 1008, new ones are refused.
        Assert.Equal((HttpStatusCode)418, (await HttpReply.GetAsync(http, "/fapi/v1/fundingInfo")).Status);
        Assert.Same(socket.Completion, await Task.WhenAny(socket.Completion, Task.Delay(Waits.Expect)));
        Assert.Equal("close 1008 Policy violation", socket.Ended);
        using var refusedSocket = new ClientWebSocket();
        refusedSocket.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => refusedSocket.ConnectAsync(new Uri(exchange.WebSocketBase, "/public/ws"), CancellationToken.None));
        Assert.Equal((HttpStatusCode)418, refusedSocket.HttpStatusCode);
        Assert.Equal((1L, 1L), (exchange.WebSocketsClosedForBan, exchange.WebSocketsRefusedWhileBanned));

        // The ban lifts; the window is still spent, so carrying on earns a second, twice as long ban.
        Assert.True(await Waits.UntilAsync(() => exchange.BannedUntil is null, Waits.Expect));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await HttpReply.GetAsync(http, "/fapi/v1/ping")).Status);
        for (var i = 0; i < 2; i++) await HttpReply.GetAsync(http, "/fapi/v1/ping");
        var again = await HttpReply.GetAsync(http, "/fapi/v1/ping");
        // 1.2 s rounds up to Retry-After 2 where the first 0.6 s ban said 1.
        Assert.Equal(((HttpStatusCode)418, "2"), (again.Status, again.RetryAfter));
        Assert.InRange(exchange.BannedUntil!.Value.ToUnixTimeMilliseconds() - until, 1_200, 1_200 + 3_000);
    }

    [Fact]
    public async Task Rest_must_report_used_weight_on_every_weighted_response()
    {
        await using var exchange = await SimExchange.StartAsync(Tight with { RestWeightLimit = 2400 });
        using var http = new HttpClient { BaseAddress = exchange.RestBase, Timeout = Waits.Expect };
        var used = new List<int?>();
        foreach (var path in new[] { "/fapi/v1/ping", "/fapi/v1/time", "/fapi/v1/exchangeInfo", "/fapi/v1/depth?symbol=BTCUSDT&limit=500",
                     "/fapi/v1/ticker/24hr", "/fapi/v1/premiumIndex", "/fapi/v1/openInterest?symbol=ETHUSDT", "/fapi/v1/ticker/24hr?symbol=NOPE" })
            used.Add((await HttpReply.GetAsync(http, path)).UsedWeight);
        Assert.Equal([1, 2, 3, 13, 53, 63, 64, 65], used);
        Assert.Null((await HttpReply.GetAsync(http, "/fapi/v1/fundingInfo")).UsedWeight);
        var limit = (await HttpReply.GetAsync(http, "/fapi/v1/exchangeInfo")).Json.GetProperty("rateLimits")[0];
        Assert.Equal(("REQUEST_WEIGHT", 2400), (limit.GetProperty("rateLimitType").GetString(), limit.GetProperty("limit").GetInt32()));
    }
}
