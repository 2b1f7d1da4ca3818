using System.Net.WebSockets;

namespace Screener.Sim.Server;

/// <summary>
/// An item of a connection's send queue: a text frame, the blast tape (its selected streams), or a close frame that
/// ends the queue. The queue time lets the <c>slow</c> fault delay each item by a fixed latency instead of throttling
/// the whole queue.
/// </summary>
internal readonly record struct Outbound(
    byte[]? Frame, long QueuedMs, WebSocketCloseStatus CloseStatus = WebSocketCloseStatus.Empty, string? CloseReason = null, bool[]? Blast = null)
{
    public static Outbound Close(WebSocketCloseStatus status, string? reason, long queuedMs) => new(null, queuedMs, status, reason);

    public static Outbound Tape(bool[] selected, long queuedMs) => new(null, queuedMs, Blast: selected);
}
