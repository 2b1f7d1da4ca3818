using System.Net.WebSockets;
using Screener.Binance.Transport;

namespace Screener.Binance.Tests.Transport;

public sealed class ConnectionSessionSpec
{
    [Fact]
    public void Session_must_describe_a_server_close_with_its_status_and_text() =>
        Assert.Equal("closed by server (close 1008 PolicyViolation 'Too many requests')",
            ConnectionSession.DescribeClose(WebSocketCloseStatus.PolicyViolation, "Too many requests"));

    [Fact]
    public void Session_must_describe_a_close_without_text() =>
        Assert.Equal("closed by server (close 1000 NormalClosure)", ConnectionSession.DescribeClose(WebSocketCloseStatus.NormalClosure, ""));

    [Fact]
    public void Session_must_describe_a_close_without_status() =>
        Assert.Equal("closed by server (no close status)", ConnectionSession.DescribeClose(null, null));
}
