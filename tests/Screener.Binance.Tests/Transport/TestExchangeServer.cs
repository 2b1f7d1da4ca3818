using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Screener.Binance.Tests.Transport;

/// <summary>
/// A tiny loopback exchange on HttpListener. WebSocket connections answer control frames like fstream
/// (SUBSCRIBE/UNSUBSCRIBE → <c>{"result":null,"id":n}</c>, LIST_SUBSCRIPTIONS → the subscribed names), record every
/// message they receive with its arrival time, deliver what the test publishes on a stream to its subscribers, and
/// send what the test queues (frames or a close). Any plain HTTP request gets a gzip-compressed body.
/// </summary>
internal sealed class TestExchangeServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly ConcurrentDictionary<int, ServerConnection> _open = new();
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

    /// <summary>Every text message clients sent, with the connection number and the arrival time (Stopwatch ticks).</summary>
    public ConcurrentQueue<ReceivedMessage> Received { get; } = new();

    /// <summary>Accept-Encoding of the last plain HTTP request.</summary>
    public string? LastAcceptEncoding { get; private set; }

    /// <summary>Body served (gzip-compressed) to plain HTTP requests.</summary>
    public byte[] HttpBody { get; set; } = [];

    /// <summary>Whether control frames are answered (default true).</summary>
    public bool AnswerControl { get; set; } = true;

    /// <summary>Streams that SUBSCRIBE acknowledges but never subscribes (absent from LIST_SUBSCRIPTIONS, no data) — like an unknown symbol on fstream.</summary>
    public ConcurrentDictionary<string, bool> IgnoredStreams { get; } = new(StringComparer.Ordinal);

    /// <summary>Like <see cref="IgnoredStreams"/>, but each only for the first SUBSCRIBE that names it.</summary>
    public ConcurrentDictionary<string, bool> IgnoredOnce { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, every SUBSCRIBE is answered with this error object, for example <c>{"code":4,"msg":"Too many subscriptions"}</c>.</summary>
    public string? SubscribeError { get; set; }

    /// <summary>When set, each connection is closed by the server (1000 "lifetime") this long after it opened.</summary>
    public TimeSpan? Lifetime { get; set; }

    /// <summary>WebSocket handshakes accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Connections currently open.</summary>
    public IReadOnlyList<ServerConnection> OpenConnections => _open.Values.OrderBy(c => c.Number).ToArray();

    public Uri WebSocketUrl(string pathAndQuery) => new($"ws://127.0.0.1:{Port}{pathAndQuery}");

    public Uri HttpBase => new($"http://127.0.0.1:{Port}");

    public void Send(byte[] frame) => Outgoing.Writer.TryWrite(new ServerCommand(frame, null, null));

    public void Close(WebSocketCloseStatus status, string description) =>
        Outgoing.Writer.TryWrite(new ServerCommand(null, status, description));

    /// <summary>Sends <paramref name="frame"/> to every open connection subscribed to <paramref name="stream"/>; returns how many.</summary>
    public async Task<int> PublishAsync(string stream, byte[] frame)
    {
        var sent = 0;
        foreach (var connection in OpenConnections)
            if (connection.IsSubscribed(stream) && await connection.TrySendAsync(frame)) sent++;
        return sent;
    }

    /// <summary>Messages received on connection <paramref name="number"/>, parsed.</summary>
    public IReadOnlyList<ReceivedMessage> ReceivedOn(int number) => Received.Where(m => m.Connection == number).ToArray();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var connection in _open.Values) connection.Socket.Abort();
        // HttpListener.Close flushes and closes every connection it still holds, synchronously, and throws when one is
        // already gone; a peer that stopped reading would block it. So it runs on the pool, bounded, errors ignored.
        var closing = Task.Run(() =>
        {
            try { _listener.Close(); }
            catch (Exception) { /* a connection closed at the same time */ }
        });
        try { await closing.WaitAsync(TimeSpan.FromSeconds(10)); }
        catch (TimeoutException) { throw new TimeoutException("The test exchange's listener did not close within 10 s."); }
        try { await _accepting.WaitAsync(TimeSpan.FromSeconds(10)); }
        catch (TimeoutException) { throw new TimeoutException("The test exchange's accept loop did not stop within 10 s of closing its listener."); }
        catch (Exception) { /* listener closed */ }
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
        var connection = new ServerConnection(Interlocked.Increment(ref _connections), socket);
        _open[connection.Number] = connection;
        var closedByClient = ReceiveAsync(connection);
        if (Lifetime is { } lifetime)
            _ = Task.Delay(lifetime, _stop.Token).ContinueWith(_ => connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "lifetime"),
                TaskScheduler.Default);
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
                    await connection.CloseAsync(status, command.Description);
                    break;
                }

                await connection.TrySendAsync(command.Frame ?? []);
            }
        }
        catch (Exception)
        {
            // The client went away or the server is stopping.
        }
        finally
        {
            await Task.WhenAny(closedByClient, Task.Delay(1000));
            _open.TryRemove(connection.Number, out _);
            socket.Dispose();
        }
    }

    private async Task ReceiveAsync(ServerConnection connection)
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (connection.Socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await connection.Socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    connection.MarkClosed();
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                var text = Encoding.UTF8.GetString(message.ToArray());
                message.SetLength(0);
                Received.Enqueue(new ReceivedMessage(connection.Number, Stopwatch.GetTimestamp(), text));
                await HandleAsync(connection, text);
            }
        }
        catch (Exception)
        {
            // Aborted by the client.
        }
        finally
        {
            connection.MarkClosed();
        }
    }

    private async Task HandleAsync(ServerConnection connection, string text)
    {
        if (!AnswerControl) return;
        using var request = JsonDocument.Parse(text);
        var root = request.RootElement;
        var method = root.GetProperty("method").GetString();
        var id = root.GetProperty("id").GetRawText();
        var streams = root.TryGetProperty("params", out var parameters)
            ? parameters.EnumerateArray().Select(p => p.GetString()!).ToArray()
            : [];
        string reply;
        switch (method)
        {
            case "SUBSCRIBE" when SubscribeError is { } error:
                reply = $$"""{"error":{{error}},"id":{{id}}}""";
                break;
            case "SUBSCRIBE":
                connection.Subscribe(streams.Where(s => !IgnoredStreams.ContainsKey(s) && !IgnoredOnce.TryRemove(s, out _)));
                reply = $$"""{"result":null,"id":{{id}}}""";
                break;
            case "UNSUBSCRIBE":
                connection.Unsubscribe(streams);
                reply = $$"""{"result":null,"id":{{id}}}""";
                break;
            case "LIST_SUBSCRIPTIONS":
                reply = $$"""{"result":{{JsonSerializer.Serialize(connection.Subscriptions)}},"id":{{id}}}""";
                break;
            default:
                reply = $$"""{"error":{"code":2,"msg":"Invalid request: unknown method"},"id":{{id}}}""";
                break;
        }

        await connection.TrySendAsync(Encoding.UTF8.GetBytes(reply));
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

/// <summary>A text message a client sent, with the arrival time in Stopwatch ticks.</summary>
internal sealed record ReceivedMessage(int Connection, long Timestamp, string Text)
{
    public string Method => JsonDocument.Parse(Text).RootElement.GetProperty("method").GetString()!;

    public long Id => JsonDocument.Parse(Text).RootElement.GetProperty("id").GetInt64();

    public string[] Streams =>
        JsonDocument.Parse(Text).RootElement.TryGetProperty("params", out var p) ? p.EnumerateArray().Select(e => e.GetString()!).ToArray() : [];
}

/// <summary>One server-side WebSocket: its subscriptions and a send lock (replies, published data and queued frames share the socket).</summary>
internal sealed class ServerConnection(int number, WebSocket socket)
{
    /// <summary>A send or close that takes longer than this is abandoned (the socket is then aborted by the cancellation).</summary>
    private static readonly TimeSpan StuckAfter = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly Lock _lock = new();
    private readonly List<string> _subscriptions = [];
    private volatile bool _closed;

    public int Number { get; } = number;

    public WebSocket Socket { get; } = socket;

    public bool IsClosed => _closed;

    public string[] Subscriptions
    {
        get { lock (_lock) return _subscriptions.ToArray(); }
    }

    public bool IsSubscribed(string stream)
    {
        lock (_lock) return _subscriptions.Contains(stream);
    }

    public void Subscribe(IEnumerable<string> streams)
    {
        lock (_lock)
            foreach (var stream in streams)
                if (!_subscriptions.Contains(stream)) _subscriptions.Add(stream);
    }

    public void Unsubscribe(IEnumerable<string> streams)
    {
        lock (_lock)
            foreach (var stream in streams) _subscriptions.Remove(stream);
    }

    public void MarkClosed() => _closed = true;

    public async Task<bool> TrySendAsync(byte[] frame)
    {
        if (!await _send.WaitAsync(StuckAfter)) return false;
        try
        {
            if (_closed || Socket.State != WebSocketState.Open) return false;
            using var stuck = new CancellationTokenSource(StuckAfter);
            await Socket.SendAsync(frame, WebSocketMessageType.Text, true, stuck.Token);
            return true;
        }
        catch (Exception)
        {
            return false;
        }
        finally
        {
            _send.Release();
        }
    }

    public async Task CloseAsync(WebSocketCloseStatus status, string? description)
    {
        if (!await _send.WaitAsync(StuckAfter)) throw new TimeoutException($"Connection {Number}: a send held the socket for {StuckAfter.TotalSeconds} s; could not close it.");
        try
        {
            using var stuck = new CancellationTokenSource(StuckAfter);
            if (Socket.State == WebSocketState.Open) await Socket.CloseOutputAsync(status, description, stuck.Token);
        }
        catch (Exception)
        {
            // Already gone.
        }
        finally
        {
            _send.Release();
        }
    }
}
