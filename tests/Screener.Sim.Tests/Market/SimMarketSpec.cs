using System.Text.Json;
using Screener.Sim.Market;
using Screener.Sim.Tests.Support;
using Xunit;

namespace Screener.Sim.Tests.Market;

public sealed class SimMarketSpec
{
    private static SimMarket Market(ulong seed = 3, int symbols = 12, int levels = 200) =>
        new(new SimMarketSettings(Seed: seed, SymbolCount: symbols, DepthLevels: levels));

    [Fact]
    public void SimMarket_must_replay_identical_frames_for_the_same_seed()
    {
        var a = Market(seed: 11);
        var b = Market(seed: 11);
        for (var i = 0; i < 600; i++)
        {
            var left = a.Step();
            var right = b.Step();
            Assert.Equal(left.Count, right.Count);
            for (var j = 0; j < left.Count; j++)
            {
                Assert.Equal(left[j].Stream, right[j].Stream);
                Assert.Equal(left[j].Payload, right[j].Payload);
            }
        }
    }

    [Fact]
    public void SimMarket_must_produce_different_frames_for_different_seeds()
    {
        var a = Market(seed: 1).Step().Select(e => e.PayloadText);
        var b = Market(seed: 2).Step().Select(e => e.PayloadText);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void SimMarket_must_evolve_the_same_whatever_the_stream_filter()
    {
        var full = Market(seed: 5);
        var filtered = Market(seed: 5);
        for (var i = 0; i < 200; i++)
        {
            full.Step();
            filtered.Step(s => s == "ethusdt@aggTrade");
        }
        var expected = full.Step().Where(e => e.Stream == "btcusdt@depth@100ms").Select(e => e.PayloadText);
        var actual = filtered.Step(s => s == "btcusdt@depth@100ms").Select(e => e.PayloadText);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void SimMarket_must_chain_pu_per_stream_with_globally_increasing_ids()
    {
        var market = Market(seed: 9);
        var lastFinal = new Dictionary<string, long>();
        var initial = market.Symbols.ToDictionary(s => s.StreamKey, s => Snapshot(market, s.Symbol, 1).LastUpdateId);
        long globalHighest = 0;
        var depthEvents = 0;
        for (var step = 0; step < 3000; step++)
        {
            long stepHighest = 0;
            foreach (var ev in market.Step().Where(e => e.Stream.Contains("@depth")))
            {
                using var doc = JsonDocument.Parse(ev.Payload);
                var root = doc.RootElement;
                var (first, final, previous) = (root.GetProperty("U").GetInt64(), root.GetProperty("u").GetInt64(), root.GetProperty("pu").GetInt64());
                var expectedPrevious = lastFinal.GetValueOrDefault(ev.Stream, initial[ev.Stream[..ev.Stream.IndexOf('@')]]);
                Assert.Equal(expectedPrevious, previous);
                Assert.True(first > previous && final >= first, $"{ev.Stream}: U={first} u={final} pu={previous}");
                lastFinal[ev.Stream] = final;
                if (ev.Stream.EndsWith("@100ms", StringComparison.Ordinal))
                {
                    Assert.True(first > globalHighest, "update ids must grow across steps for every symbol");
                    stepHighest = Math.Max(stepHighest, final);
                }
                depthEvents++;
            }
            globalHighest = Math.Max(globalHighest, stepHighest);
        }
        Assert.True(depthEvents > 3000 * 12, $"only {depthEvents} depth events");
        Assert.True(globalHighest > 1_100_000_000_000, "futures ids are ~1e13");
    }

    [Fact]
    public void SimMarket_must_keep_books_uncrossed_on_the_tick_grid_and_never_negative()
    {
        var market = Market(seed: 4, symbols: 20);
        var specs = market.Symbols.ToDictionary(s => s.Symbol);
        var checkedStreams = (string s) => s.EndsWith("@depth@100ms", StringComparison.Ordinal) || s.EndsWith("@bookTicker", StringComparison.Ordinal)
                                           || s.EndsWith("@aggTrade", StringComparison.Ordinal);
        for (var step = 0; step < 1500; step++)
        {
            foreach (var ev in market.Step(checkedStreams))
            {
                if (ev.Stream.StartsWith('!')) continue;
                using var doc = JsonDocument.Parse(ev.Payload);
                var root = doc.RootElement;
                var spec = specs[root.TryGetProperty("s", out var s) ? s.GetString()! : root.GetProperty("o").GetProperty("s").GetString()!];
                switch (root.GetProperty("e").GetString())
                {
                    case "depthUpdate":
                        foreach (var side in new[] { "b", "a" })
                        {
                            var prices = new List<decimal>();
                            foreach (var level in root.GetProperty(side).EnumerateArray())
                            {
                                AssertPrice(spec, level[0]);
                                AssertQuantity(spec, level[1], allowZero: true);
                                prices.Add(Wire.Decimal(level[0]));
                            }
                            Assert.Equal(prices.Order(), prices);
                        }
                        break;
                    case "bookTicker":
                        AssertPrice(spec, root.GetProperty("b"));
                        AssertPrice(spec, root.GetProperty("a"));
                        AssertQuantity(spec, root.GetProperty("B"), allowZero: false);
                        AssertQuantity(spec, root.GetProperty("A"), allowZero: false);
                        Assert.True(Wire.Decimal(root.GetProperty("b")) < Wire.Decimal(root.GetProperty("a")), "crossed book");
                        break;
                    case "aggTrade":
                        AssertPrice(spec, root.GetProperty("p"));
                        AssertQuantity(spec, root.GetProperty("q"), allowZero: false);
                        break;
                }
            }
        }
        foreach (var spec in market.Symbols)
        {
            var snapshot = Snapshot(market, spec.Symbol, 1000);
            Assert.True(snapshot.Bids.Count >= 200 && snapshot.Asks.Count >= 200);
            Assert.All(snapshot.Bids.Concat(snapshot.Asks), l => Assert.True(decimal.Parse(l.Quantity) > 0));
        }
    }

    [Fact]
    public void SimMarket_must_number_trades_contiguously_and_time_them_before_the_event()
    {
        var market = Market(seed: 6);
        var lastTradeId = new Dictionary<string, long>();
        var lastAggregateId = new Dictionary<string, long>();
        var buys = 0;
        var sells = 0;
        for (var step = 0; step < 1000; step++)
        {
            foreach (var ev in market.Step().Where(e => e.Stream.EndsWith("@aggTrade", StringComparison.Ordinal)))
            {
                using var doc = JsonDocument.Parse(ev.Payload);
                var root = doc.RootElement;
                var (a, f, l) = (root.GetProperty("a").GetInt64(), root.GetProperty("f").GetInt64(), root.GetProperty("l").GetInt64());
                if (lastAggregateId.TryGetValue(ev.Stream, out var previousA)) Assert.Equal(previousA + 1, a);
                if (lastTradeId.TryGetValue(ev.Stream, out var previousL)) Assert.Equal(previousL + 1, f);
                Assert.True(l >= f);
                (lastAggregateId[ev.Stream], lastTradeId[ev.Stream]) = (a, l);
                var (time, eventTime) = (root.GetProperty("T").GetInt64(), root.GetProperty("E").GetInt64());
                Assert.InRange(time, eventTime - 100, eventTime);
                if (root.GetProperty("m").GetBoolean()) sells++;
                else buys++;
            }
        }
        Assert.True(buys > 1000 && sells > 1000, $"buys={buys} sells={sells}");
    }

    [Fact]
    public void SimMarket_must_push_mark_prices_on_whole_seconds_with_8h_funding_times()
    {
        var market = Market(seed: 8);
        var oneSecond = 0;
        var threeSeconds = 0;
        for (var step = 0; step < 100; step++)
        {
            foreach (var ev in market.Step().Where(e => e.Stream.StartsWith("btcusdt@markPrice", StringComparison.Ordinal)))
            {
                using var doc = JsonDocument.Parse(ev.Payload);
                var root = doc.RootElement;
                var eventTime = root.GetProperty("E").GetInt64();
                Assert.Equal(0, eventTime % 1000);
                var funding = root.GetProperty("T").GetInt64();
                Assert.Equal(0, funding % (8 * 3_600_000));
                Assert.InRange(funding - eventTime, 1, 8 * 3_600_000);
                Assert.Equal(8, Wire.Decimals(root.GetProperty("p")));
                Assert.InRange(Wire.Decimal(root.GetProperty("r")), -0.003m, 0.003m);
                if (ev.Stream.EndsWith("@1s", StringComparison.Ordinal)) oneSecond++;
                else threeSeconds++;
            }
        }
        Assert.Equal(10, oneSecond);
        Assert.Equal(3, threeSeconds);
    }

    [Fact]
    public void SimMarket_must_print_liquidations_with_bankruptcy_side_order_prices()
    {
        var market = Market(seed: 12);
        var liquidations = new List<JsonElement>();
        for (var step = 0; step < 6000; step++)
            foreach (var ev in market.Step(s => s.EndsWith("@forceOrder", StringComparison.Ordinal)))
                liquidations.Add(JsonDocument.Parse(ev.Payload).RootElement.GetProperty("o").Clone());
        Assert.NotEmpty(liquidations);
        Assert.All(liquidations, o =>
        {
            var (price, average) = (Wire.Decimal(o.GetProperty("p")), Wire.Decimal(o.GetProperty("ap")));
            Assert.True(o.GetProperty("S").GetString() == "SELL" ? price < average : price > average, "order price sits on the bankruptcy side");
            Assert.True(Wire.Decimal(o.GetProperty("l")) <= Wire.Decimal(o.GetProperty("z")));
        });
    }

    private static BookSnapshot Snapshot(SimMarket market, string symbol, int limit)
    {
        Assert.True(market.TryGetSnapshot(symbol, limit, out var snapshot));
        return snapshot;
    }

    private static void AssertPrice(SymbolSpec spec, JsonElement value)
    {
        Assert.True(Wire.IsDecimalString(value), $"{spec.Symbol} price {value}");
        Assert.Equal(spec.PricePrecision, Wire.Decimals(value));
        Assert.Equal(0, Wire.Decimal(value) % spec.TickSize);
        Assert.True(Wire.Decimal(value) > 0);
    }

    private static void AssertQuantity(SymbolSpec spec, JsonElement value, bool allowZero)
    {
        Assert.True(Wire.IsDecimalString(value), $"{spec.Symbol} quantity {value}");
        Assert.Equal(spec.QuantityPrecision, Wire.Decimals(value));
        Assert.Equal(0, Wire.Decimal(value) % spec.StepSize);
        Assert.True(allowZero ? Wire.Decimal(value) >= 0 : Wire.Decimal(value) > 0, $"{spec.Symbol} quantity {value}");
    }
}
