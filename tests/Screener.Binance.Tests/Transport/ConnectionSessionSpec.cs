using System.Net.WebSockets;
using Screener.Binance.Transport;
using Websocket.Client;

namespace Screener.Binance.Tests.Transport;

public sealed class ConnectionSessionSpec
{
    [Fact]
    public void Session_must_describe_a_server_close_with_its_status_and_text()
    {
        var info = new DisconnectionInfo(DisconnectionType.ByServer, WebSocketCloseStatus.PolicyViolation, "Too many requests", null, null);

        Assert.Equal("closed by server (close 1008 PolicyViolation 'Too many requests')", ConnectionSession.Describe(info));
    }

    [Fact]
    public void Session_must_describe_a_lost_connection_with_its_exception()
    {
        var info = new DisconnectionInfo(DisconnectionType.Lost, null, null, null,
            new WebSocketException("The remote party closed the WebSocket connection without completing the close handshake."));

        Assert.Equal(
            "connection lost: The remote party closed the WebSocket connection without completing the close handshake.",
            ConnectionSession.Describe(info));
    }

    [Fact]
    public void Session_must_describe_a_failed_connect()
    {
        var info = new DisconnectionInfo(DisconnectionType.Error, null, null, null, new InvalidOperationException("refused"));

        Assert.Equal("connect failed: refused", ConnectionSession.Describe(info));
    }
}
