using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Screener.Sim.Faults;

namespace Screener.Sim.Server;

/// <summary>
/// One client WebSocket: a receive loop that answers control frames and a send loop that drains a bounded
/// queue (data and replies share it, so a reply never overtakes earlier data). Pings and the pong
/// deadline are run by the framework's keep-alive (see <see cref="SimExchange"/>). In strict mode it applies
/// the fstream limits: more than <see cref="SimSettings.MaxIncomingMessagesPerSecond"/> client frames in a
/// second (control frames included, counted by <see cref="OnClientFrame"/>) closes 1008 "Too many requests".
/// In blast mode the first LIST_SUBSCRIPTIONS reply is followed by the connection's share of the blast tape.
/// </summary>
internal sealed class SimConnection
{
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(2);
    private const int MaxMessageBytes = 1 << 20;

    private readonly WebSocket _socket;
    private readonly HttpContext _http;
    private readonly WsEndpoint _endpoint;
    private readonly ConnectionServices _services;
    private readonly ExchangeCounters _counters;
    private readonly Channel<Outbound> _outbox;
    private readonly MessageRateWindow _rate;
    private readonly List<string> _subscriptions = [];
    private readonly HashSet<string> _subscribed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _carried = new(StringComparer.Ordinal);
    private bool _blastQueued;
    private volatile bool _combined;
    private volatile bool _closing;
    private volatile bool _finished;
    private volatile string? _firstStream;
    private int _closeQueued;
    private CancellationTokenSource? _lifetime;

    public SimConnection(long id, WebSocket socket, HttpContext http, WsEndpoint endpoint, ConnectionServices services, string ip)
    {
        Id = id;
        Ip = ip;
        _socket = socket;
        _http = http;
        _endpoint = endpoint;
        _services = services;
        _counters = services.Counters;
        _combined = endpoint.Combined;
        OpenedMs = services.Clock.NowMs;
        _rate = new MessageRateWindow(services.Settings.MaxIncomingMessagesPerSecond, 1000);
        _outbox = Channel.CreateBounded<Outbound>(new BoundedChannelOptions(services.Settings.SendQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public long Id { get; }

    /// <summary>Client IP, for per-IP bans.</summary>
    public string Ip { get; }

    /// <summary>Exchange time the socket opened, for the connection lifetime.</summary>
    public long OpenedMs { get; }

    /// <summary>Whether data frames get the <c>{"stream","data"}</c> wrapper (URL form, then SET_PROPERTY).</summary>
    public bool Combined => _combined;

    private bool Strict => _services.Settings.Strict;

    public async Task RunAsync(CancellationToken stopping)
    {
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _lifetime = lifetime;
        var sending = SendLoopAsync(lifetime.Token);
        try
        {
            Subscribe(_endpoint.Streams, RequestId.Null, reply: false);
            await ReceiveLoopAsync(lifetime.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            _services.Logger.LogDebug("Connection {Id} ended: {Reason}", Id, ex.Message);
        }
        finally
        {
            _closing = true;
            _outbox.Writer.TryComplete();
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived) lifetime.CancelAfter(CloseGrace);
            else await lifetime.CancelAsync();
            try
            {
                await sending;
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
            {
                _services.Logger.LogDebug("Connection {Id} send loop ended: {Reason}", Id, ex.Message);
            }
            _services.Hub.Remove(this, _subscriptions);
            _finished = true;
        }
    }

    /// <summary>Queues a data frame; a client too slow to drain its queue is dropped, as fstream drops slow consumers.</summary>
    public void EnqueueData(byte[] frame)
    {
        if (_outbox.Writer.TryWrite(new Outbound(frame, _services.Clock.NowMs)) || _closing) return;
        _services.Logger.LogWarning("Connection {Id} dropped: send queue full (slow consumer)", Id);
        Abort();
    }

    /// <summary>Queues one broken frame of the given kind (the <c>malformed-every</c> fault).</summary>
    public void EnqueueMalformed(int kind)
    {
        if (_closing) return;
        EnqueueData(MalformedFrames.Build(kind, _firstStream ?? "btcusdt@aggTrade", _combined));
        ExchangeCounters.Bump(ref _counters.MalformedSent);
    }

    /// <summary>Counts one client frame (any opcode but continuation); strict mode closes the socket past the rate.</summary>
    public void OnClientFrame(int opcode)
    {
        if (opcode == 0 || !Strict || _closing) return;
        if (_rate.TryAdd(_services.Clock.NowMs)) return;
        if (TryClose(WebSocketCloseStatus.PolicyViolation, "Too many requests")) ExchangeCounters.Bump(ref _counters.MessageRateCloses);
    }

    /// <summary>Queues a close frame behind the pending data; false when the connection is already closing.</summary>
    public bool TryClose(WebSocketCloseStatus status, string? reason)
    {
        if (Interlocked.Exchange(ref _closeQueued, 1) != 0 || _finished) return false;
        _closing = true;
        _outbox.Writer.TryWrite(Outbound.Close(status, reason, _services.Clock.NowMs));
        _outbox.Writer.TryComplete();
        _lifetime?.CancelAfter(CloseGrace);
        return true;
    }

    /// <summary>Drops the connection without a close handshake (forced disconnect).</summary>
    public void Abort()
    {
        // After the handler returned, the HttpContext may already serve as someone else's; leave it alone.
        if (_finished) return;
        _closing = true;
        _http.Abort();
        _socket.Abort();
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellation)
    {
        var buffer = new byte[16 * 1024];
        var message = new ArrayBufferWriter<byte>(1024);
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.AsMemory(), cancellation);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (!_closing) TryClose(_socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, null);
                return;
            }
            message.Write(buffer.AsSpan(0, result.Count));
            if (message.WrittenCount > MaxMessageBytes)
            {
                TryClose(WebSocketCloseStatus.MessageTooBig, "Message too big");
                message.ResetWrittenCount();
                continue;
            }
            if (!result.EndOfMessage) continue;
            if (result.MessageType == WebSocketMessageType.Text && !_closing) Handle(message.WrittenMemory);
            message.ResetWrittenCount();
        }
    }

    private async Task SendLoopAsync(CancellationToken cancellation)
    {
        try
        {
            await foreach (var item in _outbox.Reader.ReadAllAsync(cancellation))
            {
                var slow = (long)_services.Faults.Current.Slow.TotalMilliseconds;
                var wait = slow > 0 ? item.QueuedMs + slow - _services.Clock.NowMs : 0;
                if (wait > 0)
                {
                    ExchangeCounters.Bump(ref _counters.FramesDelayed);
                    await Task.Delay(TimeSpan.FromMilliseconds(wait), cancellation);
                }
                if (item.Frame is { } frame)
                {
                    await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellation);
                    _services.Registry.CountFrame();
                    continue;
                }
                if (item.Blast is { } selected)
                {
                    await SendTapeAsync(_services.Blast!, selected, cancellation);
                    continue;
                }
                if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    await _socket.CloseOutputAsync(item.CloseStatus, item.CloseReason, cancellation);
                return;
            }
        }
        catch
        {
            // A failed send means the socket is gone; stop the receive side too.
            await _lifetime!.CancelAsync();
            throw;
        }
    }

    private void Handle(ReadOnlyMemory<byte> utf8)
    {
        var request = ControlRequestParser.Parse(utf8, out var error);
        if (request is null)
        {
            Reply(ControlReplies.Error(error!));
            return;
        }
        switch (request.Method)
        {
            case ControlMethod.Subscribe:
                Subscribe(request.Streams, request.Id, reply: true);
                break;
            case ControlMethod.Unsubscribe:
                Unsubscribe(request.Streams, request.Id);
                break;
            case ControlMethod.ListSubscriptions:
                Reply(ControlReplies.List(_subscriptions, request.Id));
                QueueBlast();
                break;
            case ControlMethod.SetProperty:
                _combined = request.CombinedValue;
                Reply(ControlReplies.Null(request.Id));
                break;
            case ControlMethod.GetProperty:
                Reply(ControlReplies.Boolean(_combined, request.Id));
                break;
        }
    }

    private void Subscribe(IReadOnlyList<string> streams, RequestId id, bool reply)
    {
        var fresh = streams.Distinct(StringComparer.Ordinal).Where(s => !_subscribed.Contains(s)).ToList();
        if (Strict && _subscriptions.Count + fresh.Count > _services.Settings.MaxStreamsPerConnection)
        {
            // Live fstream answers error 4, then closes 1008 and the connection loses every stream.
            if (reply) Reply(ControlReplies.Error(new ControlError(ControlError.TooManySubscriptions, "Too many subscriptions", id)));
            _services.Hub.Remove(this, _subscriptions);
            _subscriptions.Clear();
            _subscribed.Clear();
            _carried.Clear();
            if (TryClose(WebSocketCloseStatus.PolicyViolation, "Invalid request")) ExchangeCounters.Bump(ref _counters.SubscriptionLimitCloses);
            return;
        }
        // The ACK is queued before the hub can route data, so it precedes the first frame of the new streams.
        if (reply) Reply(ControlReplies.Null(id));
        _subscriptions.AddRange(fresh);
        _subscribed.UnionWith(fresh);
        _firstStream ??= _subscriptions.FirstOrDefault();
        // Lenient mode delivers every stream on every path; strict mode only what the path family carries.
        var carried = fresh.Where(s => !Strict || StreamCatalog.IsCarried(_endpoint.Route, s)).ToList();
        ExchangeCounters.Add(ref _counters.UncarriedSubscriptions, fresh.Count - carried.Count);
        _carried.UnionWith(carried);
        _services.Hub.Add(this, carried);
    }

    private void Unsubscribe(IReadOnlyList<string> streams, RequestId id)
    {
        var present = streams.Where(_subscribed.Remove).ToList();
        _subscriptions.RemoveAll(s => !_subscribed.Contains(s));
        _carried.ExceptWith(present);
        _services.Hub.Remove(this, present);
        Reply(ControlReplies.Null(id));
    }

    /// <summary>Blast mode: queues the tape behind the LIST_SUBSCRIPTIONS reply, once per connection.</summary>
    private void QueueBlast()
    {
        if (_services.Blast is not { } tape || _blastQueued) return;
        _blastQueued = true;
        if (!_outbox.Writer.TryWrite(Outbound.Tape(tape.Select(_carried), _services.Clock.NowMs)) && !_closing) Abort();
    }

    /// <summary>
    /// Sends every tape frame of a selected stream, in tape order, each as soon as the socket has taken the one before:
    /// no pacing and no queue, so the client's receive speed is the only limit.
    /// </summary>
    private async Task SendTapeAsync(BlastTape tape, bool[] selected, CancellationToken cancellation)
    {
        for (var i = 0; i < tape.Count; i++)
        {
            var stream = tape.StreamOf(i);
            if (!selected[stream]) continue;
            var payload = tape.Payload(i);
            var frame = _combined ? StreamHub.Wrap(tape.Streams[stream], payload) : payload;
            await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellation);
            _services.Registry.CountFrame();
        }
    }

    private void Reply(byte[] frame)
    {
        if (!_outbox.Writer.TryWrite(new Outbound(frame, _services.Clock.NowMs)) && !_closing) Abort();
    }
}
