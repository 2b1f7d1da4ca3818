using System.Text.Json;
using Screener.Sim.Market;
using Screener.Sim.Tests.Support;
using Xunit;

namespace Screener.Sim.Tests.Market;

public sealed class PayloadShapeSpec
{
    private static readonly Lazy<List<SimEvent>> Events = new(() =>
    {
        var market = new SimMarket(new SimMarketSettings(Seed: 17, DepthLevels: 100));
        var events = new List<SimEvent>();
        for (var i = 0; i < 3000; i++) events.AddRange(market.Step());
        return events;
    });

    [Theory]
    [InlineData("@aggTrade", "futures-aggTrade.json")]
    [InlineData("@bookTicker", "futures-bookTicker.json")]
    [InlineData("@depth@100ms", "futures-partialDepth20.json")]
    [InlineData("@depth", "futures-partialDepth20.json")]
    [InlineData("@depth@500ms", "futures-partialDepth20.json")]
    [InlineData("@markPrice@1s", "futures-markPrice.json")]
    [InlineData("@markPrice", "futures-markPrice.json")]
    [InlineData("@forceOrder", "futures-forceOrder.json")]
    [InlineData("@kline_1m", "futures-kline_1m.json")]
    [InlineData("@trade", "futures-trade.json")]
    public void Payloads_must_have_the_recorded_key_order_and_value_kinds(string suffix, string fixture)
    {
        var expected = JsonShape.Of(JsonShape.FixtureData(fixture));
        // Depth diffs may have an empty side; take one with both sides so array shapes compare.
        var sample = Events.Value.First(e => e.Stream.EndsWith(suffix, StringComparison.Ordinal) && e.Stream.IndexOf('@') == e.Stream.Length - suffix.Length
                                             && !e.PayloadText.Contains("[]", StringComparison.Ordinal));
        Assert.Equal(expected, JsonShape.Of(sample.PayloadText));
    }

    [Fact]
    public void All_market_mark_prices_must_be_an_array_of_mark_price_updates()
    {
        var expected = JsonShape.Of(JsonShape.FixtureData("futures-markPrice-arr.json"));
        Assert.Equal(expected, JsonShape.Of(Events.Value.First(e => e.Stream == StreamNames.AllMarkPrices1s).PayloadText));
        var threeSeconds = Events.Value.First(e => e.Stream == StreamNames.AllMarkPrices);
        Assert.Equal(12, JsonDocument.Parse(threeSeconds.Payload).RootElement.GetArrayLength());
    }

    [Fact]
    public void All_market_streams_must_reuse_the_per_symbol_payloads()
    {
        var liquidation = Events.Value.First(e => e.Stream == StreamNames.AllForceOrders);
        Assert.Contains(Events.Value, e => e.Stream.EndsWith("@forceOrder", StringComparison.Ordinal) && ReferenceEquals(e.Payload, liquidation.Payload));
        var ticker = Events.Value.First(e => e.Stream == StreamNames.AllBookTickers);
        Assert.Contains(Events.Value, e => e.Stream.EndsWith("@bookTicker", StringComparison.Ordinal) && ReferenceEquals(e.Payload, ticker.Payload));
    }

    [Fact]
    public void StreamNames_must_list_only_streams_the_market_produces()
    {
        var produced = Events.Value.Select(e => e.Stream).ToHashSet();
        var suffixes = produced.Where(s => !s.StartsWith('!')).Select(s => s[s.IndexOf('@')..]).ToHashSet();
        var listed = StreamNames.ForSymbol("btcusdt").Select(s => s["btcusdt".Length..]).ToHashSet();
        Assert.Equal(listed.Order(), suffixes.Order());
        Assert.All(new[] { StreamNames.AllBookTickers, StreamNames.AllForceOrders, StreamNames.AllMarkPrices, StreamNames.AllMarkPrices1s },
            name => Assert.Contains(name, produced));
    }

    [Fact]
    public void Payloads_must_carry_symbols_upper_case_and_stream_names_lower_case()
    {
        foreach (var ev in Events.Value.Take(5000).Where(e => !e.Stream.StartsWith('!')))
        {
            Assert.Equal(ev.Stream.ToLowerInvariant()[..ev.Stream.IndexOf('@')], ev.Stream[..ev.Stream.IndexOf('@')]);
            var root = JsonDocument.Parse(ev.Payload).RootElement;
            var symbol = root.TryGetProperty("s", out var s) ? s.GetString()! : root.GetProperty("o").GetProperty("s").GetString()!;
            Assert.Equal(ev.Stream[..ev.Stream.IndexOf('@')].ToUpperInvariant(), symbol);
            Assert.True(root.GetProperty("E").GetInt64() > 1_700_000_000_000);
        }
    }

    [Fact]
    public void Kline_bars_must_close_once_with_consistent_ohlc()
    {
        var bars = Events.Value.Where(e => e.Stream == "btcusdt@kline_1m")
            .Select(e => JsonDocument.Parse(e.Payload).RootElement.GetProperty("k").Clone())
            .ToList();
        var closed = bars.Where(k => k.GetProperty("x").GetBoolean()).ToList();
        Assert.Equal(5, closed.Count); // 300 s from a minute boundary: bars end at 1..5 min
        Assert.Equal(closed.Count, closed.Select(k => k.GetProperty("t").GetInt64()).Distinct().Count());
        Assert.All(bars, k =>
        {
            var (o, h, l, c) = (Wire.Decimal(k.GetProperty("o")), Wire.Decimal(k.GetProperty("h")), Wire.Decimal(k.GetProperty("l")), Wire.Decimal(k.GetProperty("c")));
            Assert.True(l <= Math.Min(o, c) && h >= Math.Max(o, c));
            Assert.Equal(0, k.GetProperty("t").GetInt64() % 60_000);
            Assert.Equal(k.GetProperty("t").GetInt64() + 59_999, k.GetProperty("T").GetInt64());
            Assert.True(Wire.Decimal(k.GetProperty("V")) <= Wire.Decimal(k.GetProperty("v")));
            Assert.Equal(5, Wire.Decimals(k.GetProperty("q")));
        });
    }
}
