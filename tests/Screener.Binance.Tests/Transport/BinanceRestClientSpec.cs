using System.Net;
using Screener.Binance.Transport;
using Screener.Contracts.Time;
using static Screener.Binance.Tests.Fixture;

namespace Screener.Binance.Tests.Transport;

public sealed class BinanceRestClientSpec
{
    private readonly ManualClock _clock = new(TsInit);
    private readonly StubHttpHandler _http = new();

    private static readonly RestPermit Permit = new("/fapi/v1/depth", 20, 0);

    private BinanceRestClient Client(BinanceRestSettings? settings = null) =>
        new(settings ?? new BinanceRestSettings { BaseUri = new Uri("http://sim.local") }, _clock, handler: _http);

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task RestClient_must_read_futures_exchange_info()
    {
        _http.Respond(HttpStatusCode.OK, Bytes("futures-exchangeInfo-excerpt.json"));

        var info = await Client().GetExchangeInfoAsync();

        Assert.Equal(new Uri("http://sim.local/fapi/v1/exchangeInfo"), Assert.Single(_http.Requests));
        Assert.Equal(2400, info.RequestWeightPerMinute);
        Assert.Equal(
            new[]
            {
                new ExchangeSymbol("BTCUSDT", "TRADING", "PERPETUAL", "BTC", "USDT", 0.10m, 0.001m),
                new ExchangeSymbol("XAUUSDT", "TRADING", "TRADIFI_PERPETUAL", "XAU", "USDT", 0.01m, 0.001m),
                new ExchangeSymbol("BTCUSDT_261225", "TRADING", "CURRENT_QUARTER", "BTC", "USDT", 0.1m, 0.001m),
            },
            info.Symbols);
        Assert.True(info.Symbols[0].IsTrading);
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task RestClient_must_read_spot_exchange_info_without_contract_types()
    {
        _http.Respond(HttpStatusCode.OK, Bytes("spot-exchangeInfo-excerpt.json"));

        var info = await Client(BinanceRestSettings.Spot with { BaseUri = new Uri("http://sim.local") }).GetExchangeInfoAsync();

        Assert.Equal(new Uri("http://sim.local/api/v3/exchangeInfo"), Assert.Single(_http.Requests));
        Assert.Equal(1200, info.RequestWeightPerMinute);
        Assert.Equal(new ExchangeSymbol("BLZETH", "TRADING", null, "BLZ", "ETH", 0.00000001m, 1m), info.Symbols[0]);
        Assert.Equal(new ExchangeSymbol("NKNUSDT", "TRADING", null, "NKN", "USDT", 0.0001m, 1m), info.Symbols[1]);
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task RestClient_must_return_the_depth_body_verbatim_with_the_used_weight()
    {
        var body = Bytes("futures-depth-snapshot.json");
        _http.Respond(HttpStatusCode.OK, body, r => r.Headers.Add("X-MBX-USED-WEIGHT-1M", "27"));
        using var client = Client();

        var response = await client.GetDepthSnapshotRawAsync("ksmusdt");

        Assert.Equal(new Uri("http://sim.local/fapi/v1/depth?symbol=KSMUSDT&limit=1000"), Assert.Single(_http.Requests));
        Assert.Equal(body, response.Body);
        Assert.Equal(27, response.UsedWeight1m);
        Assert.Equal(27, client.LastUsedWeight1m);
        Assert.Equal("/fapi/v1/depth", response.Endpoint);
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task RestClient_must_throw_binance_code_and_message_on_a_4xx()
    {
        _http.Respond(HttpStatusCode.BadRequest, Bytes("error-invalid-symbol.json"));

        var error = await Assert.ThrowsAsync<BinanceApiException>(() => Client().GetDepthSnapshotRawAsync("NOPE", 5));

        Assert.Equal((400, -1121, "Invalid symbol."), (error.StatusCode, error.Code, error.BinanceMessage));
        Assert.Contains("-1121", error.Message);
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task RestClient_must_carry_a_non_json_error_body_as_the_message()
    {
        _http.Respond(HttpStatusCode.Forbidden, "<html>Request blocked</html>");

        var error = await Assert.ThrowsAsync<BinanceApiException>(() => Client().GetExchangeInfoAsync());

        Assert.Equal((403, (int?)null, "<html>Request blocked</html>"), (error.StatusCode, error.Code, error.BinanceMessage));
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task RestClient_must_wait_out_retry_after_and_retry_a_429_once()
    {
        _http.Respond(HttpStatusCode.TooManyRequests, Bytes("error-429.json"), r => r.Headers.Add("Retry-After", "0"))
            .Respond(HttpStatusCode.OK, Bytes("futures-depth-snapshot-2026.json"));

        var response = await Client().GetDepthSnapshotRawAsync("BTCUSDT", 5);

        Assert.Equal(2, _http.Count);
        Assert.Equal(Bytes("futures-depth-snapshot-2026.json"), response.Body);
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task RestClient_must_give_up_after_a_second_429()
    {
        _http.Respond(HttpStatusCode.TooManyRequests, Bytes("error-429.json"), r => r.Headers.Add("Retry-After", "0"))
            .Respond(HttpStatusCode.TooManyRequests, Bytes("error-429.json"), r => r.Headers.Add("Retry-After", "0"));

        var error = await Assert.ThrowsAsync<BinanceApiException>(() => Client().GetDepthSnapshotRawAsync("BTCUSDT", 5));

        Assert.Equal(2, _http.Count);
        Assert.Equal((429, -1003), (error.StatusCode, error.Code));
        Assert.Equal(TimeSpan.Zero, error.RetryAfter);
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task RestClient_must_not_wait_a_retry_after_longer_than_its_bound()
    {
        _http.Respond(HttpStatusCode.TooManyRequests, Bytes("error-429.json"), r => r.Headers.Add("Retry-After", "3600"));
        var started = DateTime.UtcNow;

        var error = await Assert.ThrowsAsync<BinanceApiException>(() => Client().GetDepthSnapshotRawAsync("BTCUSDT", 5));

        Assert.Equal(1, _http.Count);
        Assert.Equal(TimeSpan.FromHours(1), error.RetryAfter);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task RestClient_must_refuse_requests_while_banned_and_resume_after()
    {
        _http.Respond((HttpStatusCode)418, Bytes("error-418.json"), r => r.Headers.Add("Retry-After", "120"))
            .Respond(HttpStatusCode.OK, Bytes("futures-openInterest.json"));
        using var client = Client();

        var ban = await Assert.ThrowsAsync<BinanceApiException>(() => client.GetOpenInterestRawAsync("BTCUSDT"));
        var refused = await Assert.ThrowsAsync<BinanceIpBannedException>(() => client.GetExchangeInfoAsync());
        _clock.Advance(TimeSpan.FromSeconds(121));
        var after = await client.GetOpenInterestRawAsync("BTCUSDT");

        Assert.Equal(418, ban.StatusCode);
        Assert.Equal(TsInit + TimeSpan.FromSeconds(120).Ticks, refused.BannedUntilTicks);
        Assert.Equal(2, _http.Count);
        Assert.Equal(Bytes("futures-openInterest.json"), after.Body);
    }

    [Fact]
    public void BanGuard_must_read_the_ban_end_from_the_message_when_retry_after_is_missing()
    {
        var until = UtcTime.ToUnixMs(TsInit) + 300_000;
        var guard = new BanGuard(_clock, TimeSpan.FromMinutes(2));

        guard.OnResponse(Permit, 418, null, null, $"Way too many requests; IP banned until {until}.");

        Assert.Equal(UtcTime.FromUnixMs(until), guard.BannedUntilTicks);
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task BanGuard_must_assume_the_default_ban_when_the_message_names_a_past_time()
    {
        // error-418.json names 2019: long over, so the default applies rather than no ban at all.
        var guard = new BanGuard(_clock, TimeSpan.FromMinutes(2));

        guard.OnResponse(Permit, 418, null, null,
            "Way too much request weight used; IP banned until 1573987680818. Please use the websocket for live updates to avoid bans.");

        Assert.Equal(TsInit + TimeSpan.FromMinutes(2).Ticks, guard.BannedUntilTicks);
        await Assert.ThrowsAsync<BinanceIpBannedException>(() => guard.AcquireAsync("/fapi/v1/depth", 20, default).AsTask());
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task BanGuard_must_ignore_other_statuses()
    {
        var guard = new BanGuard(_clock, TimeSpan.FromMinutes(2));

        guard.OnResponse(Permit, 429, 2400, TimeSpan.FromSeconds(30), "Too many requests");

        Assert.Null(guard.BannedUntilTicks);
        await guard.AcquireAsync("/fapi/v1/depth", 20, default);
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task RestClient_must_read_the_slow_poll_endpoints_with_their_weights()
    {
        var limiter = new RestWeightLimiter(null, _clock);
        _http.Fallback = _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("[]") };
        using var client = new BinanceRestClient(new BinanceRestSettings { BaseUri = new Uri("http://sim.local") }, _clock, handler: _http, gate: limiter);
        var spent = new List<long>();

        await client.GetPremiumIndexRawAsync();
        spent.Add(limiter.Counters.WeightUsed);
        await client.GetPremiumIndexRawAsync("btcusdt");
        spent.Add(limiter.Counters.WeightUsed);
        await client.GetFundingInfoRawAsync();
        spent.Add(limiter.Counters.WeightUsed);
        await client.GetTicker24hRawAsync();
        spent.Add(limiter.Counters.WeightUsed);
        await client.GetOpenInterestRawAsync("BTCUSDT");
        spent.Add(limiter.Counters.WeightUsed);

        Assert.Equal(
            [
                "http://sim.local/fapi/v1/premiumIndex", "http://sim.local/fapi/v1/premiumIndex?symbol=BTCUSDT",
                "http://sim.local/fapi/v1/fundingInfo", "http://sim.local/fapi/v1/ticker/24hr",
                "http://sim.local/fapi/v1/openInterest?symbol=BTCUSDT",
            ],
            _http.Requests.Select(r => r.ToString()));
        Assert.Equal([10L, 11L, 11L, 51L, 52L], spent);
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task RestClient_must_hand_back_the_permit_of_a_request_without_response()
    {
        var limiter = new RestWeightLimiter(null, _clock);
        _http.Fallback = _ => throw new HttpRequestException("connection refused");
        using var client = new BinanceRestClient(new BinanceRestSettings { BaseUri = new Uri("http://sim.local") }, _clock, handler: _http, gate: limiter);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetDepthSnapshotRawAsync("BTCUSDT"));

        // Counted as spent (the server may have counted it), no longer in flight.
        Assert.Equal(20, limiter.UsedWeight);
        Assert.Equal(1, limiter.Counters.Requests);
    }

    [Theory]
    [InlineData(5, 2)]
    [InlineData(50, 2)]
    [InlineData(100, 5)]
    [InlineData(500, 10)]
    [InlineData(1000, 20)]
    public void RestClient_must_weigh_depth_requests_like_binance(int limit, int weight) =>
        Assert.Equal(weight, BinanceRestClient.DepthWeight(limit));
}
