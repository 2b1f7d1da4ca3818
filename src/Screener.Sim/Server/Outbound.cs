using System.Net.WebSockets;

namespace Screener.Sim.Server;

/// <summary>An item of a connection's send queue: a text frame, or a close frame that ends the queue.</summary>
internal readonly record struct Outbound(byte[]? Frame, WebSocketCloseStatus CloseStatus = WebSocketCloseStatus.Empty, string? CloseReason = null)
{
    public static Outbound Close(WebSocketCloseStatus status, string? reason) => new(null, status, reason);
}
