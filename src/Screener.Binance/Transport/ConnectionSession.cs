using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Screener.Contracts;
using Screener.Contracts.Time;
using Websocket.Client;

namespace Screener.Binance.Transport;

/// <summary>
/// One socket of a connection: a <see cref="WebsocketClient"/> whose frames go, in order, to the
/// <see cref="ISessionSink"/>, and the subscription procedure — paced SUBSCRIBE batches, then LIST_SUBSCRIPTIONS whose
/// answer must equal the planned set (missing streams are re-subscribed once, then the session fails).
/// </summary>
/// <remarks>
/// The client's own reconnection, no-message timer and error retries are switched off: a session is one socket and is
/// never reused. Restarts belong to the connection's <c>RestartSource.WithBackoff</c>, staleness to
/// <see cref="ConnectionSettings.NoDataTimeout"/>, and the first ending cause is kept in <see cref="Ended"/>.
/// The client delivers each frame on its listening loop and waits for the handler, so a sink that waits
/// (backpressure) stops the socket being read; pings are answered by the socket while that loop is reading.
/// </remarks>
internal sealed partial class ConnectionSession : IAsyncDisposable
{
    private const int MaxListedNames = 5;
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(1);

    private readonly ConnectionSettings _settings;
    private readonly IClock _clock;
    private readonly ConnectionCounters _counters;
    private readonly ILogger? _logger;
    private readonly ISessionSink _sink;
    private readonly RequestIds _ids;
    private readonly WebsocketClient _client;
    private readonly IDisposable _frames;
    private readonly IDisposable _disconnections;
    private readonly CancellationTokenSource _cancellation = new();
    private readonly TaskCompletionSource<string> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<long, TaskCompletionSource<ControlReply>> _pending = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly MessagePacer _pacer;
    // Never disposed: a late completion may still signal it, and it holds no OS handle unless one is asked for.
    private readonly ManualResetEventSlim _sinkRoom = new(initialState: false, spinCount: 0);
    private readonly Action _signalSinkRoom;
    private long _openedAt;
    private long _confirmedAt;
    private long _lastDataAt;
    private int _disposed;
    private int _waitingForSink;

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
        _signalSinkRoom = _sinkRoom.Set;
        _client = new WebsocketClient(settings.Url, logger: null, ConnectSocketAsync)
        {
            Name = $"{settings.ConnectionId}#{number}",
            IsReconnectionEnabled = false,
            ReconnectTimeout = null,
            ErrorReconnectTimeout = null,
            IsTextMessageConversionEnabled = false,
        };
        _frames = _client.MessageReceived.Subscribe(OnFrame);
        _disconnections = _client.DisconnectionHappened.Subscribe(OnDisconnected);
    }

    /// <summary>Session number within the connection (1, 2, … across restarts and rotations), for logs.</summary>
    public int Number { get; }

    /// <summary>Completes with the first cause of the session's end.</summary>
    public Task<string> Ended => _ended.Task;

    /// <summary>True once LIST_SUBSCRIPTIONS matched the planned streams (or there was nothing to subscribe).</summary>
    public bool IsConfirmed => Volatile.Read(ref _confirmedAt) != 0;

    /// <summary>Time since the handshake.</summary>
    public TimeSpan Age => Volatile.Read(ref _openedAt) is var at and not 0 ? Stopwatch.GetElapsedTime(at) : TimeSpan.Zero;

    /// <summary>
    /// Time since the last market-data frame, or since the confirmation when none came after it; zero while a frame
    /// waits for room downstream (backpressure is not silence).
    /// </summary>
    public TimeSpan SilentFor => Volatile.Read(ref _waitingForSink) != 0
        ? TimeSpan.Zero
        : Stopwatch.GetElapsedTime(Math.Max(Volatile.Read(ref _confirmedAt), Volatile.Read(ref _lastDataAt)));

    /// <summary>
    /// Opens the socket within <see cref="ConnectionSettings.ConnectTimeout"/>; the sink hears of it before the first
    /// frame is read.
    /// </summary>
    /// <exception cref="BinanceConnectionException">The handshake failed or timed out.</exception>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        using var abandon = cancellationToken.Register(Cancel);
        try
        {
            await _client.StartOrFail().ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var cause = ex.InnerException ?? ex;
            var reason = cause switch
            {
                BinanceConnectionException refused => refused.Reason,
                OperationCanceledException => $"connect failed: no handshake within {_settings.ConnectTimeout.TotalSeconds:0.#} s",
                _ => $"connect failed: {cause.GetBaseException().Message}",
            };
            End(reason);
            throw new BinanceConnectionException(_settings.ConnectionId, reason, cause);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

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
        _frames.Dispose();
        _disconnections.Dispose();
        _client.Dispose();
        _cancellation.Dispose();
    }

    /// <summary>A close frame described as the logs and counters show it.</summary>
    internal static string DescribeClose(WebSocketCloseStatus? status, string? description) =>
        status is { } s
            ? $"closed by server (close {(int)s} {s}{(string.IsNullOrEmpty(description) ? "" : $" '{description}'")})"
            : "closed by server (no close status)";

    /// <summary>
    /// The client's connection factory: a <see cref="ClientWebSocket"/> connected within the connect timeout and
    /// announced to the sink. The client starts listening only after this returns.
    /// </summary>
    private async Task<WebSocket> ConnectSocketAsync(Uri url, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("User-Agent", "CryptoScreener-X");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _cancellation.Token);
        timeout.CancelAfter(_settings.ConnectTimeout);
        try
        {
            await socket.ConnectAsync(url, timeout.Token).ConfigureAwait(false);
            Volatile.Write(ref _openedAt, Stopwatch.GetTimestamp());
            _counters.OnConnected();
            _logger?.LogInformation("{ConnectionId} connected to {Url} (session {Session})", _settings.ConnectionId, _settings.Url, Number);
            await _sink.OpenedAsync(this, _cancellation.Token).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Runs on the client's listening loop for every complete frame, in order.</summary>
    private void OnFrame(ResponseMessage message)
    {
        var token = _cancellation.Token;
        try
        {
            var bytes = message.Binary ?? [];
            var isData = !ControlReply.TryParse(bytes, out var reply);
            if (isData) Volatile.Write(ref _lastDataAt, Stopwatch.GetTimestamp());
            else OnReply(reply);
            var frame = new RawFrame(_settings.ConnectionId, 0, _clock.UtcNowTicks, RawFrameKind.WebSocket, bytes);
            var offered = _sink.OfferAsync(this, frame, isData, token);
            if (!offered.IsCompletedSuccessfully)
            {
                // Waiting for our own downstream is not the exchange going quiet: silence is not counted meanwhile.
                Volatile.Write(ref _waitingForSink, 1);
                try
                {
                    WaitWithoutSpinning(offered);
                }
                finally
                {
                    Volatile.Write(ref _lastDataAt, Stopwatch.GetTimestamp());
                    Volatile.Write(ref _waitingForSink, 0);
                }
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
            End($"frame handling failed: {ex.GetBaseException().Message}");
        }
    }

    /// <summary>
    /// Blocks the client's listening loop until <paramref name="offered"/> completes, then observes its outcome. The
    /// thread sleeps at once instead of spinning first: under sustained backpressure the sink is full every time, and
    /// spinning would burn a core for nothing.
    /// </summary>
    private void WaitWithoutSpinning(ValueTask offered)
    {
        var awaiter = offered.GetAwaiter();
        if (!awaiter.IsCompleted)
        {
            _sinkRoom.Reset();
            awaiter.UnsafeOnCompleted(_signalSinkRoom);
            _sinkRoom.Wait();
        }

        awaiter.GetResult();
    }

    private void OnDisconnected(DisconnectionInfo info)
    {
        switch (info.Type)
        {
            case DisconnectionType.ByServer:
                // The client answers the close frame itself; the socket is left to finish that handshake.
                MarkEnded(DescribeClose(info.CloseStatus, info.CloseStatusDescription));
                Cancel();
                break;
            case DisconnectionType.Lost or DisconnectionType.NoMessageReceived:
            // Before the handshake completes, OpenAsync reports a failure with its own wording.
            case DisconnectionType.Error when Volatile.Read(ref _openedAt) != 0:
                End(info.Exception is { } ex ? $"connection lost: {ex.GetBaseException().Message}" : "connection lost");
                break;
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
        if (_client.NativeClient is { State: not (WebSocketState.Closed or WebSocketState.Aborted) } socket) socket.Abort();
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
            if (_client.IsRunning && await _sendLock.WaitAsync(CloseTimeout).ConfigureAwait(false))
            {
                try
                {
                    await _client.Stop(WebSocketCloseStatus.NormalClosure, description).WaitAsync(CloseTimeout).ConfigureAwait(false);
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
            _client.NativeClient?.Abort();
        }
    }
}
