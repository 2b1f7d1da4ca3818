using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;

namespace Screener.Binance.Tests.Transport;

/// <summary>
/// A loopback WebSocket server that pings like fstream, only much faster: it sends a PING every
/// <c>pingInterval</c> and aborts the connection when no PONG comes back within <c>pongTimeout</c> (.NET's server-side
/// keep-alive with a timeout). It sends one numbered frame every 50 ms and reads whatever the client sends.
/// </summary>
internal sealed class PingingServer : IAsyncDisposable
{
    private const string Guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private readonly TimeSpan _pingInterval;
    private readonly TimeSpan _pongTimeout;

    public PingingServer(TimeSpan pingInterval, TimeSpan pongTimeout)
    {
        _pingInterval = pingInterval;
        _pongTimeout = pongTimeout;
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri Url => new($"ws://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/public/stream?streams=btcusdt@aggTrade");

    /// <summary>How the server's side of the first connection ended (null while open).</summary>
    public string? Ended { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _serving.WaitAsync(TimeSpan.FromSeconds(10)); }
        catch (TimeoutException) { throw new TimeoutException("The pinging server did not stop within 10 s."); }
        catch (Exception) { /* stopped */ }
    }

    private async Task ServeAsync()
    {
        using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
        var stream = client.GetStream();
        var key = await ReadHandshakeKeyAsync(stream);
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + Guid)));
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n"));
        using var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions
        {
            IsServer = true,
            KeepAliveInterval = _pingInterval,
            KeepAliveTimeout = _pongTimeout,
        });
        var reading = Task.Run(async () =>
        {
            var buffer = new byte[1024];
            while (socket.State == WebSocketState.Open) await socket.ReceiveAsync(buffer, _stop.Token);
        });
        try
        {
            for (var id = 1; !_stop.IsCancellationRequested; id++)
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes($$"""{"e":"aggTrade","a":{{id}},"s":"BTCUSDT"}"""), WebSocketMessageType.Text, true, _stop.Token);
                await Task.Delay(50, _stop.Token);
            }
        }
        catch (Exception ex) when (!_stop.IsCancellationRequested)
        {
            Ended = ex.Message;
        }

        try { await reading; } catch (Exception ex) when (!_stop.IsCancellationRequested) { Ended ??= ex.Message; } catch (Exception) { /* stopped */ }
    }

    private static async Task<string> ReadHandshakeKeyAsync(NetworkStream stream)
    {
        var request = new StringBuilder();
        var buffer = new byte[1];
        while (!request.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(buffer) == 0) throw new IOException("closed during the handshake");
            request.Append((char)buffer[0]);
        }

        return request.ToString().Split("\r\n")
            .First(l => l.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase))["Sec-WebSocket-Key:".Length..].Trim();
    }
}
