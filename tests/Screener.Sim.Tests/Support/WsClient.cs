using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace Screener.Sim.Tests.Support;

/// <summary>
/// A <see cref="ClientWebSocket"/> with a background receive loop. Cancelling ClientWebSocket.ReceiveAsync
/// aborts the socket, so waits with a timeout read from a queue instead; the loop also keeps the client
/// answering server pings.
/// </summary>
internal sealed class WsClient : IAsyncDisposable
{
    private readonly Channel<(string Text, DateTime At)> _messages = Channel.CreateUnbounded<(string, DateTime)>();
    private readonly Task _receiving;

    private WsClient(ClientWebSocket socket)
    {
        Socket = socket;
        _receiving = Task.Run(ReceiveLoopAsync);
    }

    public ClientWebSocket Socket { get; }

    /// <summary>Why the receive loop ended: null while running, the exception or close status text afterwards.</summary>
    public string? Ended { get; private set; }

    /// <summary>Completes when the connection is gone (closed or failed).</summary>
    public Task Completion => _receiving;

    public static async Task<WsClient> ConnectAsync(Uri uri, TimeSpan? timeout = null, Action<ClientWebSocketOptions>? configure = null)
    {
        var socket = new ClientWebSocket();
        configure?.Invoke(socket.Options);
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        await socket.ConnectAsync(uri, cts.Token);
        return new WsClient(socket);
    }

    public async Task SendAsync(string text)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cts.Token);
    }

    /// <summary>The next message, or null when none arrives within <paramref name="timeout"/> or the socket ended.</summary>
    public async Task<string?> NextAsync(TimeSpan timeout) => (await NextTimedAsync(timeout))?.Text;

    /// <summary>
    /// The next message with the UTC time the receive loop got it, which stays true when the test itself reads
    /// late on a loaded machine; null as for <see cref="NextAsync"/>.
    /// </summary>
    public async Task<(string Text, DateTime At)?> NextTimedAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await _messages.Reader.ReadAsync(cts.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            return null;
        }
    }

    /// <summary>The first message matching <paramref name="match"/>; fails the test after <paramref name="timeout"/>.</summary>
    public async Task<string> ExpectAsync(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var message = await NextAsync(deadline - DateTime.UtcNow);
            if (message is null) break;
            if (match(message)) return message;
        }
        throw new Xunit.Sdk.XunitException($"No {what} within {timeout} (ended: {Ended ?? "no"}).");
    }

    /// <summary>Every message received during <paramref name="window"/>.</summary>
    public async Task<List<string>> CollectAsync(TimeSpan window)
    {
        var result = new List<string>();
        var deadline = DateTime.UtcNow + window;
        while (DateTime.UtcNow < deadline)
        {
            var message = await NextAsync(deadline - DateTime.UtcNow);
            if (message is null) break;
            result.Add(message);
        }
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        Socket.Abort();
        await _receiving;
        Socket.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await Socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Ended = $"close {(int?)result.CloseStatus} {result.CloseStatusDescription}";
                    return;
                }
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                _messages.Writer.TryWrite((Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length), DateTime.UtcNow));
                message.SetLength(0);
            }
        }
        catch (Exception ex)
        {
            Ended = $"{ex.GetType().Name}: {ex.Message}";
        }
        finally
        {
            _messages.Writer.TryComplete();
        }
    }
}
