using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Screener.Contracts;
using Screener.Contracts.Time;
using Websocket.Client;

namespace Screener.Binance.Transport;

/// <summary>
/// One life of one connection: a <see cref="WebsocketClient"/> with its own reconnection switched off, feeding a
/// bounded channel that the stream reads. Any disconnection completes the channel with a
/// <see cref="BinanceConnectionException"/>, which fails the inner source so RestartSource reconnects with backoff.
/// A session is never reused: a restart builds a new one (fresh socket, fresh snapshot state).
/// </summary>
internal sealed class ConnectionSession : IDisposable
{
    private readonly ConnectionSettings _settings;
    private readonly IClock _clock;
    private readonly ConnectionCounters _counters;
    private readonly ILogger? _logger;
    private readonly Channel<RawFrame> _frames;
    private readonly CancellationTokenSource _cancellation = new();
    private readonly DepthSnapshotFetcher? _snapshots;
    private readonly Lock _lock = new();
    private WebsocketClient? _client;
    private IDisposable? _messages;
    private IDisposable? _disconnections;
    private IDisposable? _connections;
    private bool _disposed;
    private int _ended;
    private int _connected;

    public ConnectionSession(
        ConnectionSettings settings, IClock clock, ConnectionCounters counters, BinanceRestClient? rest, ILogger? logger)
    {
        _settings = settings;
        _clock = clock;
        _counters = counters;
        _logger = logger;
        _frames = Channel.CreateBounded<RawFrame>(new BoundedChannelOptions(settings.ChannelCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
        if (rest is not null)
            _snapshots = new DepthSnapshotFetcher(settings, rest, clock, counters, _frames.Writer, logger, _cancellation.Token);
    }

    /// <summary>Frames in arrival order; completes with a <see cref="BinanceConnectionException"/> when the connection ends.</summary>
    public ChannelReader<RawFrame> Frames => _frames.Reader;

    /// <summary>Connects in the background; a failure to connect ends the session like any other disconnection.</summary>
    public void Start() => _ = ConnectAsync();

    /// <summary>The stream around the session terminated: record why (unless the session already did) and clean up.</summary>
    public void Stop(Exception? streamFailure)
    {
        switch (streamFailure)
        {
            case null:
                _logger?.LogDebug("{ConnectionId} stopped: downstream cancelled or completed", _settings.ConnectionId);
                break;
            case BinanceConnectionException:
                break;
            case TimeoutException when _settings.IdleTimeout is { } idle:
                End($"idle: no frame for {idle.TotalSeconds:0.#} s", null);
                break;
            default:
                End($"stream failed: {streamFailure.Message}", streamFailure);
                break;
        }

        Dispose();
    }

    public void Dispose()
    {
        WebsocketClient? client;
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            client = _client;
        }

        Interlocked.Exchange(ref _ended, 1);
        _cancellation.Cancel();
        _frames.Writer.TryComplete();
        _messages?.Dispose();
        _disconnections?.Dispose();
        _connections?.Dispose();
        try
        {
            client?.Dispose();
        }
        catch (Exception ex)
        {
            _logger?.LogDebug(ex, "{ConnectionId} error while disposing the socket", _settings.ConnectionId);
        }
    }

    private async Task ConnectAsync()
    {
        try
        {
            var client = new WebsocketClient(_settings.Url)
            {
                Name = _settings.ConnectionId,
                // RestartSource owns reconnection and its backoff; two reconnect loops would fight.
                IsReconnectionEnabled = false,
                ReconnectTimeout = null,
                ErrorReconnectTimeout = null,
                LostReconnectTimeout = null,
                // Frames stay bytes end to end: no UTF-16 string per frame.
                IsTextMessageConversionEnabled = false,
                ConnectTimeout = _settings.ConnectTimeout,
            };
            _messages = client.MessageReceived.Subscribe(OnMessage);
            _disconnections = client.DisconnectionHappened.Subscribe(OnDisconnected);
            // Counted on the handshake itself: a server that closes at once still produced a connection.
            _connections = client.ReconnectionHappened.Subscribe(_ => OnConnected());
            lock (_lock)
            {
                if (_disposed)
                {
                    client.Dispose();
                    return;
                }

                _client = client;
            }

            await client.StartOrFail().ConfigureAwait(false);
            // Also here: the session may already be disposed (and unsubscribed) when the event would have fired.
            OnConnected();
            if (Volatile.Read(ref _ended) == 0) _snapshots?.Start();
        }
        catch (Exception ex)
        {
            End($"connect failed: {ex.GetBaseException().Message}", ex);
        }
    }

    /// <summary>
    /// Runs on the client's receive loop. When the channel is full it blocks that loop, so backpressure reaches
    /// the socket (and the server) instead of frames being dropped.
    /// </summary>
    private void OnMessage(ResponseMessage message)
    {
        if (Volatile.Read(ref _ended) != 0) return;
        // A frame proves the handshake: counted here too, for a server that sends and closes before the start returns.
        if (Volatile.Read(ref _connected) == 0) OnConnected();
        var bytes = message.Binary ?? (message.Text is { } text ? Encoding.UTF8.GetBytes(text) : null);
        if (bytes is null) return;
        _counters.OnFrame(bytes.Length);
        var frame = new RawFrame(_settings.ConnectionId, 0, _clock.UtcNowTicks, RawFrameKind.WebSocket, bytes);
        if (!_frames.Writer.TryWrite(frame))
        {
            try
            {
                _frames.Writer.WriteAsync(frame, _cancellation.Token).AsTask().GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
            {
                return;
            }
        }

        // After the frame is queued, so a snapshot always follows the first diff that asked for it.
        _snapshots?.Observe(bytes);
    }

    private void OnConnected()
    {
        if (Interlocked.Exchange(ref _connected, 1) != 0) return;
        _counters.OnConnected();
        _logger?.LogInformation("{ConnectionId} connected to {Url}", _settings.ConnectionId, _settings.Url);
    }

    private void OnDisconnected(DisconnectionInfo info)
    {
        if (Volatile.Read(ref _ended) != 0) return;
        End(Describe(info), info.Exception);
    }

    /// <summary>Records the first cause only; later signals of the same ending (close, then exit) are ignored.</summary>
    private void End(string reason, Exception? cause)
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0) return;
        _counters.OnDisconnected(reason, _clock.UtcNowTicks);
        _logger?.LogWarning("{ConnectionId} disconnected: {Reason}", _settings.ConnectionId, reason);
        _cancellation.Cancel();
        _frames.Writer.TryComplete(new BinanceConnectionException(_settings.ConnectionId, reason, cause));
    }

    internal static string Describe(DisconnectionInfo info)
    {
        var close = info.CloseStatus is { } status
            ? $" (close {(int)status} {status}{(string.IsNullOrEmpty(info.CloseStatusDescription) ? "" : $" '{info.CloseStatusDescription}'")})"
            : "";
        var error = info.Exception?.GetBaseException().Message;
        return info.Type switch
        {
            DisconnectionType.ByServer => $"closed by server{close}",
            DisconnectionType.Lost => $"connection lost: {error ?? "socket closed"}{close}",
            DisconnectionType.Error => $"connect failed: {error ?? "unknown error"}",
            DisconnectionType.NoMessageReceived => "no message received",
            DisconnectionType.ByUser => $"closed by client{close}",
            _ => $"client exited{close}",
        };
    }
}
