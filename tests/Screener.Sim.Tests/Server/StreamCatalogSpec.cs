using Screener.Sim.Server;
using Xunit;

namespace Screener.Sim.Tests.Server;

public sealed class StreamCatalogSpec
{
    [Theory]
    [InlineData("btcusdt@depth", true)]
    [InlineData("btcusdt@depth@100ms", true)]
    [InlineData("btcusdt@depth20@100ms", true)]
    [InlineData("btcusdt@bookTicker", true)]
    [InlineData("btcusdt@trade", true)]
    [InlineData("!bookTicker", true)]
    [InlineData("btcusdt@aggTrade", false)]
    [InlineData("btcusdt@markPrice@1s", false)]
    [InlineData("btcusdt@kline_1m", false)]
    [InlineData("!forceOrder@arr", false)]
    [InlineData("!markPrice@arr", false)]
    public void StreamCatalog_must_route_streams_like_the_2026_split(string stream, bool isPublic)
    {
        Assert.Equal(isPublic, StreamCatalog.IsPublic(stream));
        Assert.Equal(isPublic, StreamCatalog.IsCarried(StreamRoute.Public, stream));
        Assert.Equal(!isPublic, StreamCatalog.IsCarried(StreamRoute.Market, stream));
        Assert.Equal(isPublic, StreamCatalog.IsCarried(StreamRoute.Legacy, stream));
    }

    [Theory]
    [InlineData("btcusdt@aggTrade", true)]
    [InlineData("BTCUSDT@whatever", true)]
    [InlineData("币安人生usdt@aggTrade", true)]
    [InlineData("!forceOrder@arr", true)]
    [InlineData("btcusdt", false)]
    [InlineData("@depth", false)]
    [InlineData("btcusdt@", false)]
    [InlineData("btc usdt@depth", false)]
    [InlineData("", false)]
    public void StreamCatalog_must_only_reject_names_that_cannot_be_streams(string stream, bool wellFormed) =>
        Assert.Equal(wellFormed, StreamCatalog.IsWellFormed(stream));
}
