using Screener.Binance.Subscriptions;
using Screener.Contracts.Market;

namespace Screener.Binance.Tests.Subscriptions;

public sealed class StreamNamesSpec
{
    [Theory]
    [InlineData("btcusdt@depth@100ms", "BTCUSDT", "depth")]
    [InlineData("btcusdt@depth", "BTCUSDT", "depth")]
    [InlineData("1000pepeusdt@bookTicker", "1000PEPEUSDT", "book-ticker")]
    [InlineData("ethusdt@aggTrade", "ETHUSDT", "trade")]
    [InlineData("ethusdt@trade", "ETHUSDT", "trade")]
    [InlineData("solusdt@markPrice@1s", "SOLUSDT", "mark-price")]
    [InlineData("solusdt@markPrice", "SOLUSDT", "mark-price")]
    public void Tracked_must_name_the_symbol_and_the_health_kind_of_a_watched_stream(string stream, string symbol, string kind) =>
        Assert.Equal(new SymbolStream(symbol, kind), StreamNames.Tracked(stream));

    [Theory]
    [InlineData("btcusdt@forceOrder")]
    [InlineData("btcusdt@kline_1m")]
    [InlineData("!markPrice@arr")]
    [InlineData("@aggTrade")]
    [InlineData("btcusdt")]
    [InlineData("btcusdt@depth5@100ms")]
    public void Tracked_must_leave_out_streams_whose_silence_means_nothing_and_names_that_are_not_per_symbol(string stream) =>
        Assert.Null(StreamNames.Tracked(stream));

    [Fact]
    public void Every_planned_stream_kind_that_carries_market_state_is_tracked()
    {
        foreach (var kind in new[] { StreamKind.Depth, StreamKind.BookTicker, StreamKind.AggTrade, StreamKind.Trade, StreamKind.MarkPrice })
            Assert.NotNull(StreamNames.Tracked(StreamNames.Of("BTCUSDT", kind)));
    }
}
