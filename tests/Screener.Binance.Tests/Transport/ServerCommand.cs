using System.Net.WebSockets;

namespace Screener.Binance.Tests.Transport;

/// <summary>One step of a server connection: send <see cref="Frame"/>, or close with a status.</summary>
internal sealed record ServerCommand(byte[]? Frame, WebSocketCloseStatus? CloseStatus, string? Description);
