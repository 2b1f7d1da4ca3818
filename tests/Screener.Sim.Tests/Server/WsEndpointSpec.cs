using Screener.Sim.Server;
using Xunit;

namespace Screener.Sim.Tests.Server;

public sealed class WsEndpointSpec
{
    [Theory]
    [InlineData("/public/stream", "btcusdt@depth@100ms/btcusdt@bookTicker", "Public", true, 2)]
    [InlineData("/market/stream", "btcusdt@aggTrade", "Market", true, 1)]
    [InlineData("/stream", null, "Legacy", true, 0)]
    [InlineData("/public/ws", null, "Public", false, 0)]
    [InlineData("/market/ws/btcusdt@aggTrade/!forceOrder@arr", null, "Market", false, 2)]
    [InlineData("/ws/btcusdt@depth", null, "Legacy", false, 1)]
    public void WsEndpoint_must_parse_fstream_paths(string path, string? streams, string route, bool combined, int count)
    {
        Assert.True(WsEndpoint.TryParse(path, streams, out var endpoint));
        Assert.Equal((route, combined, count), (endpoint.Route.ToString(), endpoint.Combined, endpoint.Streams.Count));
    }

    [Theory]
    [InlineData("/private/ws")]
    [InlineData("/public")]
    [InlineData("/fapi/v1/depth")]
    [InlineData("/publicws")]
    public void WsEndpoint_must_reject_other_paths(string path) => Assert.False(WsEndpoint.TryParse(path, null, out _));
}
