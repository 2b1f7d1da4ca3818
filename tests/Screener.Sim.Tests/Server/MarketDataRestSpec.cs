using System.Net;
using System.Text.Json;
using Screener.Sim.Tests.Support;
using Xunit;

namespace Screener.Sim.Tests.Server;

public sealed class MarketDataRestSpec : IClassFixture<MinuteStartFixture>, IDisposable
{
    private const long FourHours = 4 * 3_600_000L;
    private const long EightHours = 8 * 3_600_000L;
    private readonly MinuteStartFixture _fixture;
    private readonly HttpClient _http;

    public MarketDataRestSpec(MinuteStartFixture fixture)
    {
        _fixture = fixture;
        _http = new HttpClient { BaseAddress = fixture.Exchange.RestBase, Timeout = Waits.Expect };
    }

    public void Dispose() => _http.Dispose();

    private Task<HttpReply> Get(string path) => HttpReply.GetAsync(_http, path);

    [Fact]
    public async Task Ticker_must_list_trading_symbols_for_weight_40_and_one_symbol_for_weight_1()
    {
        var before = (await Get("/fapi/v1/ping")).UsedWeight!.Value;
        var all = await Get("/fapi/v1/ticker/24hr");
        var one = await Get("/fapi/v1/ticker/24hr?symbol=ETHUSDT");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (all.Status, one.Status));
        Assert.Equal((before + 40, before + 41), (all.UsedWeight, one.UsedWeight));

        Assert.Equal(_fixture.Exchange.Symbols, all.Json.EnumerateArray().Select(r => r.GetProperty("symbol").GetString()));
        var recorded = JsonShape.OfIgnoringKeyOrder(Fixture.Text("futures-ticker24hr-rest.json"));
        Assert.Equal(recorded, JsonShape.OfIgnoringKeyOrder(all.Body));
        Assert.Equal(recorded, "[" + JsonShape.OfIgnoringKeyOrder(one.Body) + "]");
        Assert.Equal("ETHUSDT", one.Json.GetProperty("symbol").GetString());
        // Documented key order (the recording's was sorted by its capture tool).
        Assert.Equal(["symbol", "priceChange", "priceChangePercent"], one.Json.EnumerateObject().Take(3).Select(p => p.Name));
    }

    [Fact]
    public async Task PremiumIndex_must_answer_an_object_for_weight_1_and_an_array_for_weight_10()
    {
        var before = (await Get("/fapi/v1/ping")).UsedWeight!.Value;
        var all = await Get("/fapi/v1/premiumIndex");
        var one = await Get("/fapi/v1/premiumIndex?symbol=LINKUSDT");
        Assert.Equal((before + 10, before + 11), (all.UsedWeight, one.UsedWeight));
        var recorded = JsonShape.Of(Fixture.Text("futures-premiumIndex.json"));
        Assert.Equal(recorded, JsonShape.Of(all.Body));
        Assert.Equal(recorded, "[" + JsonShape.Of(one.Body) + "]");
        Assert.Equal(_fixture.Exchange.Symbols, all.Json.EnumerateArray().Select(r => r.GetProperty("symbol").GetString()));

        foreach (var row in all.Json.EnumerateArray())
        {
            var symbol = row.GetProperty("symbol").GetString();
            var next = row.GetProperty("nextFundingTime").GetInt64();
            var interval = symbol is "LINKUSDT" or "AVAXUSDT" or "DOTUSDT" ? FourHours : EightHours;
            Assert.Equal(0, next % interval);
            Assert.InRange(next - row.GetProperty("time").GetInt64(), 1, interval);
        }
    }

    [Fact]
    public async Task PremiumIndex_must_agree_with_the_markPrice_stream()
    {
        await using var marks = await WsClient.ConnectAsync(new Uri(_fixture.Exchange.WebSocketBase, "/market/ws/btcusdt@markPrice@1s"));
        var first = JsonDocument.Parse((await marks.NextAsync(Waits.Expect))!).RootElement;
        var row = (await Get("/fapi/v1/premiumIndex?symbol=BTCUSDT")).Json;
        var time = row.GetProperty("time").GetInt64();
        // The push with E == time is the one already read or one on its way: the stream was subscribed before the request.
        var push = first.GetProperty("E").GetInt64() == time ? first
            : JsonDocument.Parse(await marks.ExpectAsync(m => JsonDocument.Parse(m).RootElement.GetProperty("E").GetInt64() >= time, Waits.Expect, "mark push")).RootElement;
        Assert.Equal(time, push.GetProperty("E").GetInt64());
        Assert.Equal(
            (push.GetProperty("p").GetString(), push.GetProperty("i").GetString(), push.GetProperty("P").GetString(), push.GetProperty("r").GetString(), push.GetProperty("T").GetInt64()),
            (row.GetProperty("markPrice").GetString(), row.GetProperty("indexPrice").GetString(), row.GetProperty("estimatedSettlePrice").GetString(),
             row.GetProperty("lastFundingRate").GetString(), row.GetProperty("nextFundingTime").GetInt64()));
    }

    [Fact]
    public async Task OpenInterest_must_match_the_recording_cost_1_and_move_with_trading()
    {
        var first = await Get("/fapi/v1/openInterest?symbol=BTCUSDT");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(JsonShape.Of(Fixture.Text("futures-openInterest.json")), JsonShape.Of(first.Body));
        Assert.True(Wire.Decimal(first.Json.GetProperty("openInterest")) > 0);
        var moved = false;
        for (var attempt = 0; attempt < 50 && !moved; attempt++)
        {
            await Task.Delay(100);
            var later = await Get("/fapi/v1/openInterest?symbol=BTCUSDT");
            moved = later.Json.GetProperty("openInterest").GetString() != first.Json.GetProperty("openInterest").GetString();
        }
        Assert.True(moved, "open interest never moved");

        var before = (await Get("/fapi/v1/ping")).UsedWeight;
        Assert.Equal(before + 1, (await Get("/fapi/v1/openInterest?symbol=ETHUSDT")).UsedWeight);
        var missing = await Get("/fapi/v1/openInterest");
        Assert.Equal((HttpStatusCode.BadRequest, -1102), (missing.Status, missing.Json.GetProperty("code").GetInt32()));
        var unknown = await Get("/fapi/v1/openInterest?symbol=BTCUSDT_261225");
        Assert.Equal(Fixture.Text("error-invalid-symbol.json").Trim(), unknown.Body);
    }

    [Fact]
    public async Task FundingInfo_must_list_each_intervals_without_a_weight_header()
    {
        var reply = await Get("/fapi/v1/fundingInfo");
        Assert.Equal((HttpStatusCode.OK, (int?)null), (reply.Status, reply.UsedWeight));
        Assert.Equal(JsonShape.Of(Fixture.Text("futures-fundingInfo.json")), JsonShape.Of(reply.Body));
        var hours = reply.Json.EnumerateArray().ToDictionary(r => r.GetProperty("symbol").GetString()!, r => r.GetProperty("fundingIntervalHours").GetInt32());
        Assert.Equal(_fixture.Exchange.Symbols, hours.Keys);
        Assert.Equal([4, 4, 4], new[] { "LINKUSDT", "AVAXUSDT", "DOTUSDT" }.Select(s => hours[s]));
        Assert.Equal(9, hours.Values.Count(h => h == 8));
    }

    [Fact]
    public async Task Market_data_must_refuse_symbols_that_are_not_simulated()
    {
        foreach (var path in new[] { "/fapi/v1/ticker/24hr?symbol=BTCUSDC", "/fapi/v1/premiumIndex?symbol=OLDCOINUSDT", "/fapi/v1/ticker/24hr?symbol=btcusdt" })
        {
            var reply = await Get(path);
            Assert.Equal((HttpStatusCode.BadRequest, Fixture.Text("error-invalid-symbol.json").Trim()), (reply.Status, reply.Body));
            Assert.NotNull(reply.UsedWeight);
        }
    }

    [Fact]
    public async Task ExchangeInfo_must_list_contracts_a_universe_filter_rejects_and_they_must_not_stream()
    {
        var symbols = (await Get("/fapi/v1/exchangeInfo")).Json.GetProperty("symbols").EnumerateArray()
            .ToDictionary(s => s.GetProperty("symbol").GetString()!);
        string Field(string symbol, string name) => symbols[symbol].GetProperty(name).GetString()!;
        Assert.Equal(("CURRENT_QUARTER", "TRADING", "BTCUSDT"), (Field("BTCUSDT_261225", "contractType"), Field("BTCUSDT_261225", "status"), Field("BTCUSDT_261225", "pair")));
        Assert.Equal(("PERPETUAL", "SETTLING"), (Field("OLDCOINUSDT", "contractType"), Field("OLDCOINUSDT", "status")));
        Assert.Equal("PENDING_TRADING", Field("NEWCOINUSDT", "status"));
        Assert.Equal(("USDC", "USDC"), (Field("BTCUSDC", "quoteAsset"), Field("BTCUSDC", "marginAsset")));
        Assert.Equal(new DateTimeOffset(2026, 12, 25, 8, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), symbols["BTCUSDT_261225"].GetProperty("deliveryDate").GetInt64());
        Assert.All(_fixture.Exchange.Symbols, s => Assert.Equal(("PERPETUAL", "TRADING", "USDT"), (Field(s, "contractType"), Field(s, "status"), Field(s, "quoteAsset"))));

        await using var books = await WsClient.ConnectAsync(new Uri(_fixture.Exchange.WebSocketBase,
            "/public/stream?streams=btcusdt_261225@depth@100ms/btcusdc@depth@100ms/oldcoinusdt@bookTicker/newcoinusdt@bookTicker"));
        Assert.Empty(await books.CollectAsync(Waits.Silence));
    }

}
