using Screener.Binance.Subscriptions;

namespace Screener.Binance.Tests.Subscriptions;

public sealed class StreamPlanSpec
{
    private static readonly StreamKind[] AllKinds = Enum.GetValues<StreamKind>();

    [Fact]
    public void StreamPlan_must_route_book_streams_to_public_and_the_rest_to_market()
    {
        var plan = StreamPlan.Create(["BTCUSDT"], AllKinds);

        var (publicConnection, marketConnection) = (plan.Connections[0], plan.Connections[1]);
        Assert.Equal(2, plan.Connections.Count);
        Assert.Equal(("s0/public", "s0", "public"), (publicConnection.Id, publicConnection.Shard, publicConnection.Path));
        Assert.Equal(["btcusdt@depth@100ms", "btcusdt@bookTicker", "btcusdt@trade"], publicConnection.Streams);
        Assert.Equal(("s0/market", "market"), (marketConnection.Id, marketConnection.Path));
        Assert.Equal(["btcusdt@aggTrade", "btcusdt@markPrice@1s", "btcusdt@forceOrder", "btcusdt@kline_1m"], marketConnection.Streams);
    }

    [Fact]
    public void StreamPlan_must_connect_to_the_bare_endpoint_of_the_routed_path_and_subscribe_the_streams()
    {
        var plan = StreamPlan.Create(["ETHUSDT", "BTCUSDT"], [StreamKind.Depth, StreamKind.BookTicker, StreamKind.AggTrade]);

        Assert.Equal("wss://fstream.binance.com/public/ws", plan.Connections[0].Url.ToString());
        Assert.Equal(["btcusdt@depth@100ms", "btcusdt@bookTicker", "ethusdt@depth@100ms", "ethusdt@bookTicker"], plan.Connections[0].Streams);
        Assert.Equal("wss://fstream.binance.com/market/ws", plan.Connections[1].Url.ToString());
        Assert.Equal(["btcusdt@aggTrade", "ethusdt@aggTrade"], plan.Connections[1].Streams);
    }

    [Fact]
    public void StreamPlan_must_still_build_combined_stream_urls_on_request()
    {
        Assert.Equal(
            "wss://fstream.binance.com/market/stream?streams=btcusdt@aggTrade/ethusdt@aggTrade",
            StreamPlan.UrlOf(StreamPlanSettings.Default.BaseUri, StreamNames.MarketPath, ["btcusdt@aggTrade", "ethusdt@aggTrade"]).ToString());
    }

    [Fact]
    public void StreamPlan_must_lowercase_symbols_in_stream_names_and_uppercase_them_in_the_plan()
    {
        var plan = StreamPlan.Create(["BtcUsdt"], [StreamKind.MarkPrice]);

        Assert.Equal(["BTCUSDT"], plan.Connections[0].Symbols);
        Assert.Equal(["btcusdt@markPrice@1s"], plan.Connections[0].Streams);
    }

    [Fact]
    public void StreamPlan_must_never_put_more_streams_on_a_connection_than_allowed()
    {
        var symbols = Enumerable.Range(0, 500).Select(i => $"SYM{i:D3}USDT").ToArray();

        var plan = StreamPlan.Create(symbols, AllKinds);

        // Four market kinds per symbol bound a shard at 200 / 4 = 50 symbols; at 75 % fill 37 each, so at least 14 shards.
        Assert.Equal(50, plan.MaxSymbolsPerShard);
        Assert.InRange(plan.ShardCount, 14, 20);
        Assert.All(plan.Connections, c => Assert.InRange(c.Streams.Count, 1, StreamPlanSettings.DefaultMaxStreams));
        Assert.Equal(500 * AllKinds.Length, plan.Connections.Sum(c => c.Streams.Count));
        Assert.Equal(500 * AllKinds.Length, plan.Connections.SelectMany(c => c.Streams).Distinct().Count());
    }

    [Theory]
    [InlineData(1, 200)]
    [InlineData(37, 200)]
    [InlineData(800, 200)]
    [InlineData(3000, 1024)]
    public void StreamPlan_must_respect_the_limit_at_any_universe_size(int count, int limit)
    {
        var symbols = Enumerable.Range(0, count).Select(i => $"Z{i}USDT");

        var plan = StreamPlan.Create(symbols, AllKinds, new StreamPlanSettings(StreamPlanSettings.Default.BaseUri, limit));

        Assert.All(plan.Connections, c => Assert.True(c.Streams.Count <= limit, $"{c.Id} carries {c.Streams.Count}"));
        Assert.Equal(count, plan.Symbols.Count());
    }

    [Fact]
    public void StreamPlan_must_accept_up_to_1024_streams_per_connection()
    {
        var symbols = Enumerable.Range(0, 1024).Select(i => $"S{i}");

        var plan = StreamPlan.Create(symbols, [StreamKind.Depth], new StreamPlanSettings(StreamPlanSettings.Default.BaseUri, 1024) { ShardFill = 1 });

        Assert.Equal(1024, Assert.Single(plan.Connections).Streams.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1025)]
    public void StreamPlan_must_reject_a_limit_outside_binance_range(int limit) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            StreamPlan.Create(["BTCUSDT"], [StreamKind.Depth], new StreamPlanSettings(StreamPlanSettings.Default.BaseUri, limit)));

    [Fact]
    public void StreamPlan_must_reject_a_limit_smaller_than_one_symbols_streams()
    {
        var settings = new StreamPlanSettings(StreamPlanSettings.Default.BaseUri, 3);

        Assert.Throws<ArgumentException>(() => StreamPlan.Create(["BTCUSDT"], AllKinds, settings));
    }

    [Fact]
    public void StreamPlan_must_give_the_same_plan_for_the_same_universe_whatever_the_input_order()
    {
        var symbols = Enumerable.Range(0, 300).Select(i => $"C{i:D3}USDT").ToArray();
        var random = new Random(7);
        var shuffled = symbols.OrderBy(_ => random.Next()).Select(s => s.ToLowerInvariant()).ToArray();

        var plan = StreamPlan.Create(symbols, AllKinds);
        var again = StreamPlan.Create(shuffled.Concat(symbols.Take(10)), AllKinds);

        Assert.Equal(plan, again);
        Assert.All(plan.Connections, c => Assert.Equal(c.Symbols.Order(StringComparer.Ordinal), c.Symbols));
    }

    [Fact]
    public void StreamPlan_must_place_a_symbol_by_its_stable_hash()
    {
        var symbols = Enumerable.Range(0, 300).Select(i => $"C{i:D3}USDT").ToArray();

        var plan = StreamPlan.Create(symbols, AllKinds);

        foreach (var symbol in symbols)
            Assert.Equal($"s{ShardHash.ShardOf(symbol, plan.ShardCount)}", plan.Find(symbol, StreamNames.MarketPath)!.Shard);
    }

    [Fact]
    public void StreamPlan_must_move_no_other_symbol_when_one_is_added_or_removed()
    {
        var symbols = Enumerable.Range(0, 300).Select(i => $"C{i:D3}USDT").ToList();
        var before = StreamPlan.Create(symbols, AllKinds);
        var added = StreamPlan.Create(symbols.Append("NEWUSDT"), AllKinds);
        var removed = StreamPlan.Create(symbols.Where(s => s != "C150USDT"), AllKinds);

        Assert.Equal(before.ShardCount, added.ShardCount);
        Assert.Equal(before.ShardCount, removed.ShardCount);
        foreach (var symbol in symbols.Where(s => s != "C150USDT"))
        {
            var shard = before.Find(symbol, StreamNames.PublicPath)!.Shard;
            Assert.Equal(shard, added.Find(symbol, StreamNames.PublicPath)!.Shard);
            Assert.Equal(shard, removed.Find(symbol, StreamNames.PublicPath)!.Shard);
        }
    }

    [Fact]
    public void StreamPlan_must_move_symbols_only_into_new_shards_when_the_count_grows()
    {
        // 20 streams per connection and 4 market kinds: at most 5 symbols a shard, 3 at 75 % fill.
        var settings = new StreamPlanSettings(StreamPlanSettings.Default.BaseUri, 20);
        var symbols = Enumerable.Range(0, 30).Select(i => $"G{i:D2}USDT").ToList();
        var before = StreamPlan.Create(symbols, AllKinds, settings);
        var grown = before;
        for (var i = 30; grown.ShardCount == before.ShardCount; i++)
            grown = StreamPlan.Create(symbols.Concat(Enumerable.Range(30, i - 29).Select(n => $"G{n:D2}USDT")), AllKinds, settings);

        var moved = symbols.Where(s => before.Find(s, StreamNames.MarketPath)!.Shard != grown.Find(s, StreamNames.MarketPath)!.Shard).ToArray();
        foreach (var symbol in moved)
            Assert.True(int.Parse(grown.Find(symbol, StreamNames.MarketPath)!.Shard[1..]) >= before.ShardCount, $"{symbol} moved between old shards");
        Assert.True(moved.Length <= symbols.Count / 2, $"{moved.Length} of {symbols.Count} moved");
    }

    [Fact]
    public void StreamPlan_must_keep_a_symbol_on_the_same_shard_on_both_paths()
    {
        var plan = StreamPlan.Create(Enumerable.Range(0, 120).Select(i => $"P{i:D3}"), AllKinds);

        foreach (var connection in plan.Connections.Where(c => c.Path == StreamNames.PublicPath))
            Assert.Equal(connection.Symbols, plan.Connections.Single(c => c.Id == connection.Shard + "/market").Symbols);
    }

    [Fact]
    public void StreamPlan_must_plan_only_the_paths_it_needs()
    {
        var plan = StreamPlan.Create(["BTCUSDT", "ETHUSDT"], [StreamKind.BookTicker]);

        Assert.Equal("s0/public", Assert.Single(plan.Connections).Id);
    }

    [Fact]
    public void StreamPlan_must_plan_nothing_for_no_symbols()
    {
        Assert.Empty(StreamPlan.Create([], AllKinds).Connections);
    }

    [Theory]
    [InlineData("")]
    [InlineData("BTC USDT")]
    [InlineData("btcusdt@depth")]
    public void StreamPlan_must_reject_invalid_symbols(string symbol) =>
        Assert.Throws<ArgumentException>(() => StreamPlan.Create([symbol], AllKinds));

    [Fact]
    public void StreamPlan_must_require_a_stream_kind()
    {
        Assert.Throws<ArgumentException>(() => StreamPlan.Create(["BTCUSDT"], []));
    }
}
