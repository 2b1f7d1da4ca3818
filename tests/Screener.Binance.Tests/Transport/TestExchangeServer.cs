using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Threading.Channels;

namespace Screener.Binance.Tests.Transport;

/// <summary>
/// A tiny loopback exchange on HttpListener: WebSocket connections send what the test queues (frames or a close),
/// and any plain HTTP request gets a gzip-compressed body. Just enough to drive the connection source.
/// </summary>
internal sealed class TestExchangeServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _connections;

    public TestExchangeServer()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _accepting = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    /// <summary>What the current (or next) WebSocket connection sends, in order.</summary>
    public Channel<ServerCommand> Outgoing { get; } = Channel.CreateUnbounded<ServerCommand>();

    /// <summary>Raw URLs (path and query) of every request.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Accept-Encoding of the last plain HTTP request.</summary>
    public string? LastAcceptEncoding { get; private set; }

    /// <summary>Body served (gzip-compressed) to plain HTTP requests.</summary>
    public byte[] HttpBody { get; set; } = [];

    public int Connections => Volatile.Read(ref _connections);

    public Uri WebSocketUrl(string pathAndQuery) => new($"ws://127.0.0.1:{Port}{pathAndQuery}");

    public Uri HttpBase => new($"http://127.0.0.1:{Port}");

    public void Send(byte[] frame) => Outgoing.Writer.TryWrite(new ServerCommand(frame, null, null));

    public void Close(WebSocketCloseStatus status, string description) =>
        Outgoing.Writer.TryWrite(new ServerCommand(null, status, description));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        try { await _accepting; } catch (Exception) { /* listener closed */ }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            Requests.Enqueue(context.Request.RawUrl ?? "");
            _ = context.Request.IsWebSocketRequest ? Task.Run(() => ServeWebSocketAsync(context)) : ServeHttpAsync(context);
        }
    }

    private async Task ServeHttpAsync(HttpListenerContext context)
    {
        LastAcceptEncoding = context.Request.Headers["Accept-Encoding"];
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            await gzip.WriteAsync(HttpBody);
        context.Response.AddHeader("Content-Encoding", "gzip");
        context.Response.AddHeader("X-MBX-USED-WEIGHT-1M", "3");
        context.Response.ContentLength64 = compressed.Length;
        await context.Response.OutputStream.WriteAsync(compressed.ToArray());
        context.Response.Close();
    }

    private async Task ServeWebSocketAsync(HttpListenerContext context)
    {
        WebSocket socket;
        try { socket = (await context.AcceptWebSocketAsync(null)).WebSocket; }
        catch (Exception) { return; }
        Interlocked.Increment(ref _connections);
        var closedByClient = DrainAsync(socket);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var ready = Outgoing.Reader.WaitToReadAsync(_stop.Token).AsTask();
                // A connection the client dropped must not swallow frames meant for the next one.
                if (await Task.WhenAny(ready, closedByClient) == closedByClient || !await ready) break;
                if (socket.State != WebSocketState.Open || !Outgoing.Reader.TryRead(out var command)) continue;
                if (command.CloseStatus is { } status)
                {
                    await socket.CloseOutputAsync(status, command.Description, _stop.Token);
                    break;
                }

                await socket.SendAsync(command.Frame ?? [], WebSocketMessageType.Text, true, _stop.Token);
            }
        }
        catch (Exception)
        {
            // The client went away or the server is stopping.
        }
        finally
        {
            await Task.WhenAny(closedByClient, Task.Delay(1000));
            socket.Dispose();
        }
    }

    private static async Task DrainAsync(WebSocket socket)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close) return;
            }
        }
        catch (Exception)
        {
            // Aborted by the client.
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
