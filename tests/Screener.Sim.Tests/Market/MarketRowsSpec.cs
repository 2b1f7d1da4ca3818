using System.Globalization;
using System.Text.Json;
using Screener.Sim.Market;
using Screener.Sim.Tests.Support;
using Xunit;

namespace Screener.Sim.Tests.Market;

public sealed class MarketRowsSpec
{
    private const long FourHours = 4 * 3_600_000L;
    private const long EightHours = 8 * 3_600_000L;

    [Fact]
    public void SimMarket_must_serve_premium_rows_equal_to_the_last_mark_push()
    {
        var market = new SimMarket(new SimMarketSettings(Seed: 5, DepthLevels: 100));
        var last = new Dictionary<string, JsonElement>();
        for (var step = 0; step < 25; step++)
            foreach (var ev in market.Step(s => s.EndsWith("@markPrice@1s", StringComparison.Ordinal)))
                last[ev.Stream] = JsonDocument.Parse(ev.Payload).RootElement.Clone();

        foreach (var symbol in new[] { "BTCUSDT", "LINKUSDT" })
        {
            var push = last[symbol.ToLowerInvariant() + "@markPrice@1s"];
            var row = market.Premium(symbol)!;
            Assert.Equal(
                (push.GetProperty("p").GetString(), push.GetProperty("i").GetString(), push.GetProperty("P").GetString(), push.GetProperty("r").GetString()),
                (row.MarkPrice, row.IndexPrice, row.EstimatedSettlePrice, row.LastFundingRate));
            Assert.Equal((push.GetProperty("T").GetInt64(), push.GetProperty("E").GetInt64()), (row.NextFundingTime, row.Time));
        }
        Assert.Equal(("0.00010000", "0.00005000"), (market.Premium("BTCUSDT")!.InterestRate, market.Premium("LINKUSDT")!.InterestRate));
        Assert.Null(market.Premium("NOPEUSDT"));
        Assert.Equal(12, market.Premiums().Count);
    }

    [Fact]
    public void SimMarket_must_time_funding_on_each_symbols_interval()
    {
        // Two seconds before 04:00 UTC: a 4 h boundary that is not an 8 h one.
        var boundary = 1_791_345_600_000 - 1_791_345_600_000 % EightHours + FourHours;
        var market = new SimMarket(new SimMarketSettings(Seed: 2, StartTimeMs: boundary - 2_000, DepthLevels: 100));
        var before = (Btc: market.Premium("BTCUSDT")!.NextFundingTime, Link: market.Premium("LINKUSDT")!.NextFundingTime);
        Assert.Equal((boundary + FourHours, boundary), before);
        for (var step = 0; step < 30; step++) market.Step();
        Assert.Equal((boundary + FourHours, boundary + FourHours),
            (market.Premium("BTCUSDT")!.NextFundingTime, market.Premium("LINKUSDT")!.NextFundingTime));
        Assert.Equal(0, market.Premium("AVAXUSDT")!.NextFundingTime % FourHours);
    }

    [Fact]
    public void SimMarket_must_evolve_open_interest_with_trading()
    {
        var market = new SimMarket(new SimMarketSettings(Seed: 9, DepthLevels: 100));
        var first = market.OpenInterest("BTCUSDT")!;
        for (var step = 0; step < 50; step++) market.Step(static _ => false);
        var later = market.OpenInterest("BTCUSDT")!;
        Assert.NotEqual(first.OpenInterest, later.OpenInterest);
        Assert.Equal(market.NowMs, later.Time);
        var value = decimal.Parse(later.OpenInterest, CultureInfo.InvariantCulture);
        Assert.InRange(value, 1_000m, 1_000_000m);
        Assert.Equal(3, later.OpenInterest.Length - later.OpenInterest.IndexOf('.') - 1);
        Assert.Null(market.OpenInterest("btcusdt"));
    }

    [Fact]
    public void SimMarket_must_keep_ticker_rows_internally_consistent()
    {
        var market = new SimMarket(new SimMarketSettings(Seed: 4, DepthLevels: 100));
        for (var step = 0; step < 50; step++) market.Step(static _ => false);
        var rows = market.Tickers();
        Assert.Equal(SymbolCatalog.Create(12).Select(s => s.Symbol), rows.Select(r => r.Symbol));
        foreach (var row in rows)
        {
            var (open, high, low, last) = (D(row.OpenPrice), D(row.HighPrice), D(row.LowPrice), D(row.LastPrice));
            Assert.True(low <= last && last <= high && low <= open && open <= high, row.ToString());
            Assert.Equal(last - open, D(row.PriceChange));
            Assert.Equal(Math.Round((last - open) / open * 100, 3, MidpointRounding.AwayFromZero), D(row.PriceChangePercent));
            Assert.InRange(D(row.WeightedAvgPrice), low, high);
            Assert.Equal(row.LastId - row.FirstId + 1, row.Count);
            Assert.Equal(0, row.OpenTime % 60_000);
            Assert.InRange(row.CloseTime, market.NowMs - 5_000, market.NowMs);
            Assert.True(D(row.QuoteVolume) > 1_000_000m, $"{row.Symbol} quote volume {row.QuoteVolume}");
            Assert.Equal(2, row.QuoteVolume.Length - row.QuoteVolume.IndexOf('.') - 1);
        }
        Assert.Equal(rows[0], market.Ticker("BTCUSDT"));
        Assert.Null(market.Ticker("BTCUSDT_261225"));

        static decimal D(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);
    }
}
