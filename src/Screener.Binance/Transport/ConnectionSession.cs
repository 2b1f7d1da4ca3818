using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Screener.Contracts;
using Screener.Contracts.Time;

namespace Screener.Binance.Transport;

/// <summary>
/// One socket of a connection: connect, a receive loop handing every frame to the <see cref="ISessionSink"/>, and the
/// subscription procedure — paced SUBSCRIBE batches, then LIST_SUBSCRIPTIONS whose answer must equal the planned set
/// (missing streams are re-subscribed once, then the session fails). Pings are answered by the socket itself while the
/// receive loop is reading. A session is never reused; its first ending cause is kept in <see cref="Ended"/>.
/// </summary>
internal sealed partial class ConnectionSession : IAsyncDisposable
{
    private const int ReceiveBufferSize = 16 * 1024;
    private const int MaxListedNames = 5;
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(1);

    private readonly ConnectionSettings _settings;
    private readonly IClock _clock;
    private readonly ConnectionCounters _counters;
    private readonly ILogger? _logger;
    private readonly ISessionSink _sink;
    private readonly RequestIds _ids;
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _cancellation = new();
    private readonly TaskCompletionSource<string> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<long, TaskCompletionSource<ControlReply>> _pending = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly MessagePacer _pacer;
    private Task _receiving = Task.CompletedTask;
    private long _openedAt;
    private long _confirmedAt;
    private long _lastDataAt;
    private int _disposed;

    public ConnectionSession(
        ConnectionSettings settings, int number, IClock clock, ConnectionCounters counters, ILogger? logger, ISessionSink sink, RequestIds ids)
    {
        _settings = settings;
        _clock = clock;
        _counters = counters;
        _logger = logger;
        _sink = sink;
        _ids = ids;
        Number = number;
        _pacer = new MessagePacer(settings.Subscription.MessageInterval);
    }

    /// <summary>Session number within the connection (1, 2, … across restarts and rotations), for logs.</summary>
    public int Number { get; }

    /// <summary>Completes with the first cause of the session's end.</summary>
    public Task<string> Ended => _ended.Task;

    /// <summary>True once LIST_SUBSCRIPTIONS matched the planned streams (or there was nothing to subscribe).</summary>
    public bool IsConfirmed => Volatile.Read(ref _confirmedAt) != 0;

    /// <summary>Time since the handshake.</summary>
    public TimeSpan Age => Volatile.Read(ref _openedAt) is var at and not 0 ? Stopwatch.GetElapsedTime(at) : TimeSpan.Zero;

    /// <summary>Time since the last market-data frame, or since the confirmation when none came after it.</summary>
    public TimeSpan SilentFor => Stopwatch.GetElapsedTime(Math.Max(Volatile.Read(ref _confirmedAt), Volatile.Read(ref _lastDataAt)));

    /// <summary>Opens the socket within <see cref="ConnectionSettings.ConnectTimeout"/>.</summary>
    /// <exception cref="BinanceConnectionException">The handshake failed or timed out.</exception>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _cancellation.Token);
        timeout.CancelAfter(_settings.ConnectTimeout);
        try
        {
            _socket.Options.SetRequestHeader("User-Agent", "CryptoScreener-X");
            await _socket.ConnectAsync(_settings.Url, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = ex is OperationCanceledException
                ? $"connect failed: no handshake within {_settings.ConnectTimeout.TotalSeconds:0.#} s"
                : $"connect failed: {ex.GetBaseException().Message}";
            End(reason);
            throw new BinanceConnectionException(_settings.ConnectionId, reason, ex);
        }

        Volatile.Write(ref _openedAt, Stopwatch.GetTimestamp());
        _counters.OnConnected();
        _logger?.LogInformation("{ConnectionId} connected to {Url} (session {Session})", _settings.ConnectionId, _settings.Url, Number);
    }

    /// <summary>Starts the receive loop; frames go to the sink from now on.</summary>
    public void StartReceiving() => _receiving = Task.Run(ReceiveLoopAsync);

    /// <summary>Ends the session on the client's initiative, closing the socket politely.</summary>
    public async Task CloseAsync(string reason)
    {
        // Recorded first, so the server's answering close frame is not taken for the cause; cancelled last, because
        // cancelling a pending receive aborts the socket before the close handshake.
        MarkEnded($"closed by client: {reason}");
        await CloseSocketAsync(reason).ConfigureAwait(false);
        Cancel();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        MarkEnded("closed by client");
        await CloseSocketAsync("closing").ConfigureAwait(false);
        Cancel();
        try
        {
            await _receiving.WaitAsync(CloseTimeout).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The loop reports its own end; nothing to add here.
        }

        _socket.Dispose();
        _cancellation.Dispose();
    }

    /// <summary>A close frame described as the logs and counters show it.</summary>
    internal static string DescribeClose(WebSocketCloseStatus? status, string? description) =>
        status is { } s
            ? $"closed by server (close {(int)s} {s}{(string.IsNullOrEmpty(description) ? "" : $" '{description}'")})"
            : "closed by server (no close status)";

    private async Task ReceiveLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ReceiveBufferSize);
        var message = new ArrayBufferWriter<byte>(4096);
        var token = _cancellation.Token;
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    End(DescribeClose(_socket.CloseStatus, _socket.CloseStatusDescription));
                    return;
                }

                message.Write(buffer.AsSpan(0, result.Count));
                if (!result.EndOfMessage) continue;
                var bytes = message.WrittenSpan.ToArray();
                message.ResetWrittenCount();
                var isData = !ControlReply.TryParse(bytes, out var reply);
                if (isData) Volatile.Write(ref _lastDataAt, Stopwatch.GetTimestamp());
                else OnReply(reply);
                var frame = new RawFrame(_settings.ConnectionId, 0, _clock.UtcNowTicks, RawFrameKind.WebSocket, bytes);
                await _sink.OfferAsync(this, frame, isData, token).ConfigureAwait(false);
            }
        }
        catch (Exception) when (token.IsCancellationRequested)
        {
            // Ended on purpose (client close, life ended, stream cancelled).
        }
        catch (ChannelClosedException)
        {
            End("stream stopped");
        }
        catch (Exception ex)
        {
            End($"connection lost: {ex.GetBaseException().Message}");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void OnReply(ControlReply reply)
    {
        if (reply.Id is { } id && _pending.TryRemove(id, out var waiting))
        {
            waiting.TrySetResult(reply);
            return;
        }

        if (reply.IsError)
            _logger?.LogWarning("{ConnectionId} control error from the server (id {Id}): {Error}",
                _settings.ConnectionId, reply.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null", reply.DescribeError());
    }

    private BinanceConnectionException Fail(string reason)
    {
        _counters.OnSubscriptionFailed();
        End(reason);
        return new BinanceConnectionException(_settings.ConnectionId, reason);
    }

    /// <summary>Records the first cause only and stops everything the session runs.</summary>
    private void End(string reason)
    {
        MarkEnded(reason);
        Cancel();
    }

    private void MarkEnded(string reason)
    {
        if (!_ended.TrySetResult(reason)) return;
        foreach (var waiting in _pending.Values)
            waiting.TrySetException(new BinanceConnectionException(_settings.ConnectionId, reason));
    }

    private void Cancel()
    {
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already disposed.
        }
    }

    private async Task CloseSocketAsync(string description)
    {
        try
        {
            // Never concurrently with a SUBSCRIBE being sent: a socket allows one send at a time.
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived
                && await _sendLock.WaitAsync(CloseTimeout).ConfigureAwait(false))
            {
                try
                {
                    using var timeout = new CancellationTokenSource(CloseTimeout);
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, description, timeout.Token).ConfigureAwait(false);
                }
                finally
                {
                    _sendLock.Release();
                }
            }
        }
        catch (Exception ex)
        {
            _logger?.LogDebug(ex, "{ConnectionId} session {Session}: close handshake failed", _settings.ConnectionId, Number);
        }
        finally
        {
            _socket.Abort();
        }
    }
}
