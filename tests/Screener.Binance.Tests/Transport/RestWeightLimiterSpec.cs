using System.Net;
using Screener.Binance.Transport;
using Screener.Contracts.Time;
using static Screener.Binance.Tests.Fixture;

namespace Screener.Binance.Tests.Transport;

/// <summary>
/// The weight limiter against a stub that meters like fapi, in virtual time: the limiter's waits advance the test
/// clock instead of sleeping. Only the ban test ever earns a 418.
/// </summary>
public sealed class RestWeightLimiterSpec : IDisposable
{
    // 00:00:30 UTC: half a minute into a window.
    private static readonly long Start = new DateTime(2026, 1, 1, 0, 0, 30, DateTimeKind.Utc).Ticks;

    private readonly ManualClock _clock = new(Start);
    private readonly WeightEnforcingHandler _exchange;
    private readonly RestWeightLimiter _limiter;
    private readonly BinanceRestClient _rest;
    private readonly ListLogger _log = new();

    public RestWeightLimiterSpec()
    {
        _exchange = new WeightEnforcingHandler(_clock);
        _limiter = new RestWeightLimiter(RestLimiterSettings.Default, _clock, _log, VirtualDelay);
        _rest = new BinanceRestClient(
            new BinanceRestSettings { BaseUri = new Uri("http://fapi.local"), MaxRetryAfterWait = TimeSpan.Zero }, _clock, handler: _exchange, gate: _limiter);
    }

    public void Dispose() => _rest.Dispose();

    private Task VirtualDelay(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _clock.Advance(delay);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Limiter_must_stay_under_80_percent_of_the_limit_and_wait_for_the_next_window()
    {
        for (var i = 0; i < 300; i++) await _rest.GetDepthSnapshotRawAsync("BTCUSDT", 1000);

        // 1920 of 2400 per minute is 96 snapshots of weight 20: 300 need four windows.
        Assert.Equal((0, 0), (_exchange.Issued429, _exchange.Issued418));
        Assert.All(_exchange.UsedByWindow.Values, used => Assert.True(used <= 1920, $"{used} used in one window"));
        Assert.Equal(4, _exchange.UsedByWindow.Count);
        Assert.Equal(3, _limiter.Counters.Waits);
        Assert.Equal((300L, 6000L), (_limiter.Counters.Requests, _limiter.Counters.WeightUsed));
        Assert.True(_clock.UtcNowTicks >= Start + TimeSpan.FromSeconds(150).Ticks);
        Assert.Contains(_log.Lines, l => l.Contains("REST weight budget reached", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Limiter_must_trust_the_servers_count_that_includes_other_processes()
    {
        _exchange.ExternalWeight = 1800;

        for (var i = 0; i < 10; i++) await _rest.GetDepthSnapshotRawAsync("BTCUSDT", 1000);

        // The first response says 1820 used: five more fit under 1920 (1920 - 1820 = 100), the rest wait.
        var windows = _exchange.UsedByWindow.OrderBy(w => w.Key).Select(w => w.Value).ToArray();
        Assert.Equal([1920, 1880], windows);
        Assert.Equal(0, _exchange.Issued429);
    }

    [Fact]
    public async Task Limiter_must_use_the_live_limit_from_exchange_info()
    {
        var info = await _rest.GetExchangeInfoAsync();
        _limiter.SetLimit(1200);

        Assert.Equal(2400, info.RequestWeightPerMinute);
        Assert.Equal((1200, 960), (_limiter.Limit, _limiter.Budget));
    }

    [Fact]
    public async Task Limiter_must_never_wait_for_weightless_calls()
    {
        _exchange.ExternalWeight = 2390;
        await _rest.GetOpenInterestRawAsync("BTCUSDT");
        var before = _clock.UtcNowTicks;

        await _rest.GetFundingInfoRawAsync();

        Assert.Equal(before, _clock.UtcNowTicks);
        Assert.Equal(0, _limiter.Counters.Waits);
    }

    [Fact]
    public async Task Limiter_must_hold_every_request_until_retry_after_has_passed()
    {
        _exchange.Forced.Enqueue((HttpStatusCode.TooManyRequests, 7, Text("error-429.json")));

        var throttled = await Assert.ThrowsAsync<BinanceApiException>(() => _rest.GetOpenInterestRawAsync("BTCUSDT"));
        var before = _clock.UtcNowTicks;
        await _rest.GetOpenInterestRawAsync("BTCUSDT");

        Assert.Equal(429, throttled.StatusCode);
        Assert.True(_clock.UtcNowTicks - before >= TimeSpan.FromSeconds(7).Ticks, "the second call did not wait");
        Assert.Equal((1L, 0), (_limiter.Counters.Throttled429, _exchange.Issued418));
    }

    [Fact]
    public async Task Limiter_must_open_the_breaker_after_two_429s_then_close_it_after_the_cooldown()
    {
        _exchange.Forced.Enqueue((HttpStatusCode.TooManyRequests, 1, Text("error-429.json")));
        _exchange.Forced.Enqueue((HttpStatusCode.TooManyRequests, 1, Text("error-429.json")));

        await Assert.ThrowsAsync<BinanceApiException>(() => _rest.GetOpenInterestRawAsync("BTCUSDT"));
        await Assert.ThrowsAsync<BinanceApiException>(() => _rest.GetOpenInterestRawAsync("BTCUSDT"));
        var sent = _exchange.Requests;
        var refused = await Assert.ThrowsAsync<BinanceCircuitOpenException>(() => _rest.GetOpenInterestRawAsync("BTCUSDT"));
        var refusedAgain = await Assert.ThrowsAsync<BinanceCircuitOpenException>(() => _rest.GetExchangeInfoAsync());
        _clock.Advance(TimeSpan.FromSeconds(31));
        await _rest.GetOpenInterestRawAsync("BTCUSDT");

        Assert.Equal(sent + 1, _exchange.Requests);
        Assert.Contains("circuit breaker open after 2 consecutive 429", refused.Message);
        Assert.Equal(refused.OpenUntilTicks, refusedAgain.OpenUntilTicks);
        Assert.Equal((1L, 2L, 2L, 0), (_limiter.Counters.BreakerOpens, _limiter.Counters.Refused, _limiter.Counters.Throttled429, _exchange.Issued418));
        Assert.Null(_limiter.BreakerOpenUntilTicks);
        Assert.Contains(_log.Lines, l => l.Contains("REST circuit breaker open", StringComparison.Ordinal));
        Assert.Contains(_log.Lines, l => l.Contains("REST circuit breaker closed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Limiter_must_reopen_the_breaker_at_the_first_429_after_the_cooldown()
    {
        for (var i = 0; i < 3; i++) _exchange.Forced.Enqueue((HttpStatusCode.TooManyRequests, 1, Text("error-429.json")));
        await Assert.ThrowsAsync<BinanceApiException>(() => _rest.GetOpenInterestRawAsync("BTCUSDT"));
        await Assert.ThrowsAsync<BinanceApiException>(() => _rest.GetOpenInterestRawAsync("BTCUSDT"));
        _clock.Advance(TimeSpan.FromSeconds(31));

        await Assert.ThrowsAsync<BinanceApiException>(() => _rest.GetOpenInterestRawAsync("BTCUSDT"));

        Assert.NotNull(_limiter.BreakerOpenUntilTicks);
        Assert.Equal(2, _limiter.Counters.BreakerOpens);
    }

    [Fact]
    public async Task Limiter_must_stop_all_rest_during_a_418_ban_until_it_expires()
    {
        _exchange.Forced.Enqueue(((HttpStatusCode)418, 120, Text("error-418.json")));

        var ban = await Assert.ThrowsAsync<BinanceApiException>(() => _rest.GetDepthSnapshotRawAsync("BTCUSDT", 5));
        var sent = _exchange.Requests;
        var refused = await Assert.ThrowsAsync<BinanceIpBannedException>(() => _rest.GetFundingInfoRawAsync());
        _clock.Advance(TimeSpan.FromSeconds(119));
        await Assert.ThrowsAsync<BinanceIpBannedException>(() => _rest.GetExchangeInfoAsync());
        _clock.Advance(TimeSpan.FromSeconds(2));
        await _rest.GetExchangeInfoAsync();

        Assert.Equal(418, ban.StatusCode);
        Assert.Equal(Start + TimeSpan.FromSeconds(120).Ticks, refused.BannedUntilTicks);
        Assert.Equal(sent + 1, _exchange.Requests);
        Assert.Equal((1L, 2L), (_limiter.Counters.Banned418, _limiter.Counters.Refused));
        Assert.Contains(_log.Lines, l => l.Contains("REST stopped: Binance banned this IP", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Limiter_must_read_the_ban_end_from_the_body_when_retry_after_is_missing()
    {
        var until = UtcTime.ToUnixMs(Start) + 300_000;
        _exchange.Forced.Enqueue(((HttpStatusCode)418, null, $$"""{"code":-1003,"msg":"Way too many requests; IP banned until {{until}}."}"""));

        await Assert.ThrowsAsync<BinanceApiException>(() => _rest.GetExchangeInfoAsync());

        Assert.Equal(UtcTime.FromUnixMs(until), _limiter.BannedUntilTicks);
    }

    [Fact]
    public async Task Limiter_must_let_a_waiting_request_be_cancelled_without_sending_it()
    {
        var limiter = new RestWeightLimiter(null, _clock, null, (_, token) => Task.Delay(Timeout.Infinite, token));
        using var rest = new BinanceRestClient(new BinanceRestSettings { BaseUri = new Uri("http://fapi.local") }, _clock, handler: _exchange, gate: limiter);
        _exchange.ExternalWeight = 1910;
        await rest.GetDepthSnapshotRawAsync("BTCUSDT", 5);
        using var cancel = new CancellationTokenSource();

        var waiting = rest.GetDepthSnapshotRawAsync("BTCUSDT", 1000, cancel.Token);
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(1, _exchange.Requests);
    }

    [Fact]
    public async Task Limiter_must_admit_a_request_heavier_than_the_budget_into_an_empty_window()
    {
        var limiter = new RestWeightLimiter(RestLimiterSettings.Default with { WeightPerMinute = 20 }, _clock, null, VirtualDelay);

        var permit = await limiter.AcquireAsync("/fapi/v1/ticker/24hr", 40, default);

        Assert.Equal(40, permit.Weight);
    }
}
