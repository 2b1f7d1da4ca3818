using System.Net;
using Screener.Binance.Tests.Transport;
using Screener.Binance.Transport;
using Screener.Binance.Universe;
using static Screener.Binance.Tests.Fixture;

namespace Screener.Binance.Tests.Universe;

/// <summary>The universe filters over the recorded exchangeInfo, ticker/24hr and fundingInfo vectors.</summary>
public sealed class UniverseBuilderSpec : IDisposable
{
    private readonly ManualClock _clock = new(TsInit);
    private readonly StubHttpHandler _http = new();
    private readonly BinanceRestClient _rest;

    public UniverseBuilderSpec()
    {
        _http.Fallback = request => request.RequestUri!.AbsolutePath switch
        {
            "/fapi/v1/exchangeInfo" => Ok("futures-exchangeInfo-excerpt.json"),
            "/fapi/v1/ticker/24hr" => Ok("futures-ticker24hr-rest.json"),
            "/fapi/v1/fundingInfo" => Ok("futures-fundingInfo.json"),
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        };
        _rest = new BinanceRestClient(new BinanceRestSettings { BaseUri = new Uri("http://sim.local") }, _clock, handler: _http);
    }

    public void Dispose() => _rest.Dispose();

    [Fact]
    public async Task Universe_must_keep_trading_usdt_perpetuals_by_default_and_say_why_others_are_out()
    {
        var universe = await UniverseBuilder.BuildAsync(_rest, UniverseSettings.Default);

        var btc = Assert.Single(universe.Symbols);
        Assert.Equal(new UniverseSymbol("BTCUSDT", "BTC", "USDT", "PERPETUAL", 0.10m, 0.001m, 8, null), btc);
        Assert.Equal(
            new[]
            {
                new UniverseExclusion("BTCUSDT_261225", "contract type CURRENT_QUARTER not in [PERPETUAL]"),
                new UniverseExclusion("XAUUSDT", "contract type TRADIFI_PERPETUAL not in [PERPETUAL]"),
            },
            universe.Excluded);
        Assert.Equal(2400, universe.RequestWeightPerMinute);
    }

    [Fact]
    public async Task Universe_must_not_read_the_ticker_when_the_volume_filter_is_off()
    {
        await UniverseBuilder.BuildAsync(_rest, UniverseSettings.Default);

        Assert.Equal(["/fapi/v1/exchangeInfo", "/fapi/v1/fundingInfo"], _http.Requests.Select(r => r.AbsolutePath));
    }

    [Fact]
    public async Task Universe_must_take_funding_intervals_from_funding_info()
    {
        var settings = UniverseSettings.Default with { ContractTypes = new[] { "PERPETUAL", "TRADIFI_PERPETUAL" } };

        var universe = await UniverseBuilder.BuildAsync(_rest, settings);

        Assert.Equal(["BTCUSDT", "XAUUSDT"], universe.Names);
        Assert.Equal(8, universe.Find("btcusdt")!.FundingIntervalHours);
        Assert.Equal(4, universe.Find("XAUUSDT")!.FundingIntervalHours);
    }

    [Fact]
    public async Task Universe_must_assume_eight_hours_when_funding_info_is_unavailable()
    {
        var settings = UniverseSettings.Default with { ContractTypes = new[] { "TRADIFI_PERPETUAL" } };
        _http.Respond(HttpStatusCode.OK, Bytes("futures-exchangeInfo-excerpt.json"))
            .Respond(HttpStatusCode.InternalServerError, """{"code":-1001,"msg":"Internal error"}""");
        var log = new ListLogger();

        var universe = await UniverseBuilder.BuildAsync(_rest, settings, log);

        Assert.Equal(8, Assert.Single(universe.Symbols).FundingIntervalHours);
        Assert.Contains(log.Lines, l => l.Contains("fundingInfo unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Universe_must_filter_by_24h_quote_volume_when_asked()
    {
        var settings = UniverseSettings.Default with
        {
            ContractTypes = new[] { "PERPETUAL", "TRADIFI_PERPETUAL", "CURRENT_QUARTER" },
            MinQuoteVolume24h = 5_000_000_000m,
        };

        var universe = await UniverseBuilder.BuildAsync(_rest, settings);

        // BTCUSDT traded 14.4 bn, XAUUSDT 2.24 bn; the quarterly is not in the ticker at all.
        var btc = Assert.Single(universe.Symbols);
        Assert.Equal(14378633588.65m, btc.QuoteVolume24h);
        Assert.Equal(
            new[]
            {
                new UniverseExclusion("BTCUSDT_261225", "no 24h ticker row (volume unknown)"),
                new UniverseExclusion("XAUUSDT", "24h quote volume 2241110732.05 below 5000000000"),
            },
            universe.Excluded);
        Assert.Contains(_http.Requests, r => r.AbsolutePath == "/fapi/v1/ticker/24hr");
    }

    [Fact]
    public async Task Universe_must_keep_only_the_top_n_by_24h_quote_volume_of_what_passes_the_other_filters()
    {
        var settings = UniverseSettings.Default with { ContractTypes = new[] { "PERPETUAL", "TRADIFI_PERPETUAL", "CURRENT_QUARTER" }, Top = 2 };

        var universe = await UniverseBuilder.BuildAsync(_rest, settings);

        // BTCUSDT traded 14.4 bn, XAUUSDT 2.24 bn; the quarterly has no ticker row, so it ranks last.
        Assert.Equal(["BTCUSDT", "XAUUSDT"], universe.Names);
        Assert.Equal(2241110732.05m, universe.Find("XAUUSDT")!.QuoteVolume24h);
        Assert.Equal(new UniverseExclusion("BTCUSDT_261225", "not in the top 2 by 24h quote volume"), Assert.Single(universe.Excluded));
        Assert.Contains(_http.Requests, r => r.AbsolutePath == "/fapi/v1/ticker/24hr");

        var one = await UniverseBuilder.BuildAsync(_rest, settings with { Top = 1 });

        Assert.Equal(["BTCUSDT"], one.Names);
        Assert.Equal(["BTCUSDT_261225", "XAUUSDT"], one.Excluded.Select(e => e.Symbol));
    }

    [Fact]
    public void Universe_must_refuse_a_top_n_below_one() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => (UniverseSettings.Default with { Top = 0 }).Validate());

    [Fact]
    public async Task Universe_must_honour_include_and_exclude_lists()
    {
        var settings = UniverseSettings.Default with
        {
            ContractTypes = default,
            Include = new[] { "btcusdt", "XAUUSDT", "BTCUSDT_261225" },
            Exclude = new[] { "BTCUSDT_261225", "NOSUCHUSDT" },
        };

        var universe = await UniverseBuilder.BuildAsync(_rest, settings);

        Assert.Equal(["BTCUSDT", "XAUUSDT"], universe.Names);
        Assert.Equal(new UniverseExclusion("BTCUSDT_261225", "in the exclude list"), Assert.Single(universe.Excluded));
    }

    [Fact]
    public async Task Universe_must_report_why_an_included_symbol_was_filtered_out()
    {
        var settings = UniverseSettings.Default with { Include = new[] { "BTCUSDT", "XAUUSDT" } };

        var universe = await UniverseBuilder.BuildAsync(_rest, settings);

        Assert.Equal(["BTCUSDT"], universe.Names);
        Assert.Equal(
            new[]
            {
                new UniverseExclusion("BTCUSDT_261225", "not in the include list"),
                new UniverseExclusion("XAUUSDT", "contract type TRADIFI_PERPETUAL not in [PERPETUAL]"),
            },
            universe.Excluded);
    }

    [Fact]
    public async Task Universe_must_fail_clearly_when_the_include_list_names_unknown_symbols()
    {
        var settings = UniverseSettings.Default with { Include = new[] { "BTCUSDT", "dogeusdt", "FOOUSDT" } };

        var error = await Assert.ThrowsAsync<UniverseException>(() => UniverseBuilder.BuildAsync(_rest, settings));

        Assert.Equal(["DOGEUSDT", "FOOUSDT"], error.UnknownSymbols);
        Assert.Equal("The include list names 2 symbol(s) that exchangeInfo does not list: DOGEUSDT, FOOUSDT.", error.Message);
    }

    [Fact]
    public void Universe_must_exclude_symbols_that_are_not_trading_or_not_usdt()
    {
        var info = new ExchangeInfo(
            new[]
            {
                new ExchangeSymbol("ETHUSDT", "SETTLING", "PERPETUAL", "ETH", "USDT", 0.01m, 0.001m),
                new ExchangeSymbol("ETHUSDC", "TRADING", "PERPETUAL", "ETH", "USDC", 0.01m, 0.001m),
                new ExchangeSymbol("SOLUSDT", "TRADING", "PERPETUAL", "SOL", "USDT", 0.01m, 1m),
            },
            2400);

        var universe = UniverseBuilder.Build(info, null, new Dictionary<string, int>(), UniverseSettings.Default);

        Assert.Equal(["SOLUSDT"], universe.Names);
        Assert.Equal(
            new[]
            {
                new UniverseExclusion("ETHUSDC", "quote asset USDC, not USDT"),
                new UniverseExclusion("ETHUSDT", "status SETTLING, not TRADING"),
            },
            universe.Excluded);
    }

    private static HttpResponseMessage Ok(string fixture) => new(HttpStatusCode.OK) { Content = new ByteArrayContent(Bytes(fixture)) };
}
