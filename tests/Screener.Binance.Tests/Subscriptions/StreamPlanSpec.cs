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
    public void StreamPlan_must_build_combined_stream_urls_on_the_routed_path()
    {
        var plan = StreamPlan.Create(["ETHUSDT", "BTCUSDT"], [StreamKind.Depth, StreamKind.BookTicker, StreamKind.AggTrade]);

        Assert.Equal(
            "wss://fstream.binance.com/public/stream?streams=btcusdt@depth@100ms/btcusdt@bookTicker/ethusdt@depth@100ms/ethusdt@bookTicker",
            plan.Connections[0].Url.ToString());
        Assert.Equal(
            "wss://fstream.binance.com/market/stream?streams=btcusdt@aggTrade/ethusdt@aggTrade",
            plan.Connections[1].Url.ToString());
    }

    [Fact]
    public void StreamPlan_must_keep_a_base_path_and_port_of_a_custom_base()
    {
        var settings = new StreamPlanSettings(new Uri("ws://127.0.0.1:9000/sim/"));

        var plan = StreamPlan.Create(["BTCUSDT"], [StreamKind.AggTrade], settings);

        Assert.Equal("ws://127.0.0.1:9000/sim/market/stream?streams=btcusdt@aggTrade", plan.Connections[0].Url.ToString());
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

        // Four market kinds per symbol bound the shard: 200 / 4 = 50 symbols, so 10 shards × 2 paths.
        Assert.Equal(50, plan.SymbolsPerShard);
        Assert.Equal(20, plan.Connections.Count);
        Assert.All(plan.Connections, c => Assert.True(c.Streams.Count <= StreamPlanSettings.DefaultMaxStreams));
        Assert.Equal(500 * AllKinds.Length, plan.Connections.Sum(c => c.Streams.Count));
        Assert.Equal(500 * AllKinds.Length, plan.Connections.SelectMany(c => c.Streams).Distinct().Count());
    }

    [Fact]
    public void StreamPlan_must_accept_up_to_1024_streams_per_connection()
    {
        var symbols = Enumerable.Range(0, 1024).Select(i => $"S{i}");

        var plan = StreamPlan.Create(symbols, [StreamKind.Depth], new StreamPlanSettings(StreamPlanSettings.Default.BaseUri, 1024));

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
    public void StreamPlan_must_assign_shards_by_sorted_position_whatever_the_input_order()
    {
        var symbols = Enumerable.Range(0, 300).Select(i => $"C{i:D3}USDT").ToArray();
        var random = new Random(7);
        var shuffled = symbols.OrderBy(_ => random.Next()).Select(s => s.ToLowerInvariant()).ToArray();

        var plan = StreamPlan.Create(symbols, AllKinds);
        var again = StreamPlan.Create(shuffled.Concat(symbols.Take(10)), AllKinds);

        Assert.Equal(plan, again);
        Assert.Equal("s0", plan.Find("C000USDT", StreamNames.PublicPath)!.Shard);
        Assert.Equal("s1", plan.Find("c050usdt", StreamNames.MarketPath)!.Shard);
        Assert.Equal("s5", plan.Find("C299USDT", StreamNames.MarketPath)!.Shard);
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
