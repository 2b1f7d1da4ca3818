using System.Net;
using System.Text.Json;
using Screener.Sim.Tests.Support;
using Xunit;

namespace Screener.Sim.Tests.Server;

public sealed class RestSpec : IClassFixture<ExchangeFixture>, IDisposable
{
    private readonly ExchangeFixture _fixture;
    private readonly HttpClient _http;

    public RestSpec(ExchangeFixture fixture)
    {
        _fixture = fixture;
        _http = new HttpClient { BaseAddress = fixture.Exchange.RestBase, Timeout = Waits.Expect };
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task ExchangeInfo_must_list_every_symbol_with_its_filters()
    {
        var response = await _http.GetAsync("/fapi/v1/exchangeInfo");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(int.Parse(response.Headers.GetValues("X-MBX-USED-WEIGHT-1M").Single()) >= 1);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var recorded = JsonDocument.Parse(Fixture.Text("futures-exchangeInfo-excerpt.json")).RootElement;
        Assert.Equal(recorded.EnumerateObject().Select(p => p.Name), root.EnumerateObject().Select(p => p.Name));

        var limits = root.GetProperty("rateLimits").EnumerateArray().ToList();
        Assert.Contains(limits, l => l.GetProperty("rateLimitType").GetString() == "REQUEST_WEIGHT" && l.GetProperty("limit").GetInt32() == 2400);
        var symbols = root.GetProperty("symbols").EnumerateArray().ToList();
        Assert.Equal(_fixture.Exchange.Symbols.Concat(_fixture.Exchange.ExtraListings), symbols.Select(s => s.GetProperty("symbol").GetString()));

        var btc = symbols[0];
        Assert.Equal(JsonShape.Of(recorded.GetProperty("symbols")[0]), JsonShape.Of(btc));
        Assert.Equal(("BTCUSDT", "PERPETUAL", "TRADING", "USDT", 2, 3),
            (btc.GetProperty("pair").GetString(), btc.GetProperty("contractType").GetString(), btc.GetProperty("status").GetString(),
             btc.GetProperty("quoteAsset").GetString(), btc.GetProperty("pricePrecision").GetInt32(), btc.GetProperty("quantityPrecision").GetInt32()));
        var filters = btc.GetProperty("filters").EnumerateArray().ToDictionary(f => f.GetProperty("filterType").GetString()!);
        Assert.Equal("0.10", filters["PRICE_FILTER"].GetProperty("tickSize").GetString());
        Assert.Equal("0.001", filters["LOT_SIZE"].GetProperty("stepSize").GetString());
        Assert.Equal("100", filters["MIN_NOTIONAL"].GetProperty("notional").GetString());
    }

    [Theory]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(20)]
    [InlineData(50)]
    [InlineData(100)]
    [InlineData(500)]
    [InlineData(1000)]
    public async Task Depth_must_return_the_limits_level_count_in_the_recorded_shape(int limit)
    {
        var response = await _http.GetAsync($"/fapi/v1/depth?symbol=BTCUSDT&limit={limit}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(JsonShape.Of(Fixture.Text("futures-depth-snapshot-2026.json")), JsonShape.Of(body));
        var root = JsonDocument.Parse(body).RootElement;
        var bids = root.GetProperty("bids").EnumerateArray().Select(l => Wire.Decimal(l[0])).ToList();
        var asks = root.GetProperty("asks").EnumerateArray().Select(l => Wire.Decimal(l[0])).ToList();
        Assert.Equal(limit, bids.Count);
        Assert.Equal(limit, asks.Count);
        Assert.Equal(bids.OrderDescending(), bids);
        Assert.Equal(asks.Order(), asks);
        Assert.True(bids[0] < asks[0]);
        Assert.True(root.GetProperty("lastUpdateId").GetInt64() > 1_100_000_000_000);
        Assert.True(root.GetProperty("T").GetInt64() <= root.GetProperty("E").GetInt64());
    }

    [Fact]
    public async Task Depth_without_limit_must_return_500_levels()
    {
        var root = JsonDocument.Parse(await _http.GetStringAsync("/fapi/v1/depth?symbol=ETHUSDT")).RootElement;
        Assert.Equal(500, root.GetProperty("bids").GetArrayLength());
    }

    [Fact]
    public async Task Responses_must_report_used_weight_by_endpoint_and_limit()
    {
        // The window is the UTC minute; a sequence that straddles a reset shows a drop and is retried once.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var used = new List<int>();
            foreach (var path in new[] { "/fapi/v1/exchangeInfo", "/fapi/v1/depth?symbol=BTCUSDT&limit=50", "/fapi/v1/depth?symbol=BTCUSDT&limit=100",
                         "/fapi/v1/depth?symbol=BTCUSDT&limit=500", "/fapi/v1/depth?symbol=BTCUSDT&limit=1000", "/fapi/v1/depth?symbol=BTCUSDT",
                         "/fapi/v1/depth?symbol=NOPE&limit=5" })
            {
                var response = await _http.GetAsync(path);
                used.Add(int.Parse(response.Headers.GetValues("X-MBX-USED-WEIGHT-1M").Single()));
            }
            var deltas = used.Zip(used.Skip(1), (a, b) => b - a).ToList();
            if (deltas.Any(d => d < 0)) continue;
            Assert.Equal([2, 5, 10, 20, 1, 2], deltas);
            return;
        }
        Assert.Fail("weight window reset twice in a row");
    }

    [Fact]
    public async Task Depth_errors_must_use_the_binance_error_bodies()
    {
        var badLimit = await _http.GetAsync("/fapi/v1/depth?symbol=BTCUSDT&limit=7");
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        Assert.Equal("""{"code":-4021,"msg":"'7' is not valid depth limit."}""", await badLimit.Content.ReadAsStringAsync());
        Assert.True(badLimit.Headers.Contains("X-MBX-USED-WEIGHT-1M"));

        var unknown = await _http.GetAsync("/fapi/v1/depth?symbol=NOPEUSDT&limit=5");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(Fixture.Text("error-invalid-symbol.json").Trim(), await unknown.Content.ReadAsStringAsync());

        var lowerCase = await _http.GetAsync("/fapi/v1/depth?symbol=btcusdt");
        Assert.Equal(HttpStatusCode.BadRequest, lowerCase.StatusCode);

        var missing = await _http.GetAsync("/fapi/v1/depth?limit=5");
        Assert.Contains("\"code\":-1102", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ping_and_time_must_answer()
    {
        Assert.Equal("{}", await _http.GetStringAsync("/fapi/v1/ping"));
        var time = JsonDocument.Parse(await _http.GetStringAsync("/fapi/v1/time")).RootElement.GetProperty("serverTime").GetInt64();
        Assert.InRange(time - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), -3_000, 3_000);
    }
}
