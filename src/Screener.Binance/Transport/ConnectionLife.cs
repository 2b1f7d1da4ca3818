using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Screener.Contracts;
using Screener.Contracts.Time;

namespace Screener.Binance.Transport;

/// <summary>
/// One attempt of a connection, between two restarts of the surrounding RestartSource: the frame channel the stream
/// reads, the emitting session, and — near <see cref="ConnectionSettings.MaxConnectionAge"/> — a standby session that
/// takes over without a gap. Any unplanned end (close, loss, stale, subscription failure) emits a Disconnected status
/// frame and completes the channel with a <see cref="BinanceConnectionException"/>, which makes RestartSource reconnect.
/// </summary>
/// <remarks>
/// Emission order is guarded by one async lock: a session's frames, status frames and published REST frames enter the
/// channel one at a time, and the switch to the standby happens inside that lock at the standby's first data frame
/// after its confirmation.
/// </remarks>
internal sealed partial class ConnectionLife : ISessionSink
{
    private readonly ConnectionSettings _settings;
    private readonly IClock _clock;
    private readonly ConnectionCounters _counters;
    private readonly ILogger? _logger;
    private readonly ConnectionFeed _feed;
    private readonly RequestIds _ids;
    private readonly Channel<RawFrame> _output;
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _write = new(1, 1);
    private readonly HashSet<string>? _depthSeen;
    private readonly int _depthSymbols;
    private ConnectionSession? _active;
    private ConnectionSession? _standby;
    private RotationBuffer? _rotation;
    private TaskCompletionSource _switched = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _sessions;
    private int _ended;
    private int _rotating;
    private bool _connectedEmitted;
    private long _nextRotationAt;

    public ConnectionLife(
        ConnectionSettings settings, IClock clock, ConnectionFeed feed, ILogger? logger, RequestIds ids, int firstSessionNumber)
    {
        _settings = settings;
        _clock = clock;
        _feed = feed;
        _counters = feed.Counters;
        _logger = logger;
        _ids = ids;
        _sessions = firstSessionNumber - 1;
        _output = Channel.CreateBounded<RawFrame>(new BoundedChannelOptions(settings.ChannelCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
        var depthStreams = settings.Streams.Count(s => s.Contains("@depth", StringComparison.Ordinal));
        if (depthStreams > 0 || settings.Streams.Count == 0)
        {
            _depthSeen = new HashSet<string>(StringComparer.Ordinal);
            _depthSymbols = depthStreams > 0 ? depthStreams : int.MaxValue;
        }
    }

    /// <summary>Frames in emission order; completes with a <see cref="BinanceConnectionException"/> when the life ends.</summary>
    public ChannelReader<RawFrame> Frames => _output.Reader;

    /// <summary>Sessions opened so far (the next life continues the numbering).</summary>
    public int SessionsOpened => Volatile.Read(ref _sessions);

    /// <summary>Connects, subscribes and supervises in the background.</summary>
    public void Start() => _ = Task.Run(RunAsync);

    /// <summary>The stream around the life terminated: record why (unless the life already did) and clean up.</summary>
    public void Stop(Exception? streamFailure)
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0)
        {
            _counters.OnStopped();
            _feed.Detach(this);
            if (streamFailure is null) _logger?.LogDebug("{ConnectionId} stopped: downstream cancelled or completed", _settings.ConnectionId);
            else _logger?.LogWarning(streamFailure, "{ConnectionId} stopped: stream failed", _settings.ConnectionId);
        }

        _stopping.Cancel();
        _output.Writer.TryComplete();
        _ = DisposeSessionsAsync();
    }

    /// <inheritdoc />
    public async ValueTask OpenedAsync(ConnectionSession session, CancellationToken cancellationToken)
    {
        // Only the first session of a life announces itself; a rotation's standby joins the same connection.
        if (!ReferenceEquals(session, _active) || _connectedEmitted) return;
        await EmitStatusAsync(StatusFrames.Connected(_settings.ConnectionId, _clock.UtcNowTicks)).ConfigureAwait(false);
        _connectedEmitted = true;
    }

    public async ValueTask OfferAsync(ConnectionSession session, RawFrame frame, bool isData, CancellationToken cancellationToken)
    {
        // The standby buffers without the write lock, so a backpressured emitter cannot stall its confirmation. Only
        // the standby's own receive loop buffers into the ring and switches, so this needs no lock.
        if (ReferenceEquals(session, Volatile.Read(ref _standby)))
        {
            if (!isData || Volatile.Read(ref _rotation) is not { } standbyRotation) return;
            standbyRotation.Buffer(frame);
            if (!session.IsConfirmed) return;
        }

        await _write.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (ReferenceEquals(session, _active))
            {
                if (isData && _rotation is { } rotation)
                {
                    if (!rotation.Draining) rotation.RecordOld(frame);
                    else
                    {
                        var duplicate = rotation.IsDuplicate(frame);
                        EndDrainIfDone(rotation);
                        if (duplicate)
                        {
                            _counters.OnDuplicateDropped();
                            return;
                        }
                    }
                }

                await EmitAsync(frame, isData, cancellationToken).ConfigureAwait(false);
            }
            else if (ReferenceEquals(session, _standby) && isData && _rotation is { } rotation)
            {
                await SwitchAsync(session, rotation, cancellationToken).ConfigureAwait(false);
            }

            // Anything else (a retired session, the standby's control replies) is not emitted.
        }
        finally
        {
            _write.Release();
        }
    }

    /// <summary>Writes a REST frame into this life's stream; false when the life has ended.</summary>
    public async ValueTask<bool> PublishAsync(RawFrameKind kind, byte[] payload, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _ended) != 0) return false;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        try
        {
            await _write.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        try
        {
            if (Volatile.Read(ref _ended) != 0) return false;
            var frame = new RawFrame(_settings.ConnectionId, 0, _clock.UtcNowTicks, kind, payload);
            await WriteAsync(frame, linked.Token).ConfigureAwait(false);
            _counters.OnRestFrame();
            return true;
        }
        catch (Exception ex) when (ex is ChannelClosedException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
        finally
        {
            _write.Release();
        }
    }

    private async Task RunAsync()
    {
        try
        {
            var session = NewSession();
            _active = session;
            await session.OpenAsync(_stopping.Token).ConfigureAwait(false);
            await session.SubscribeAsync(_stopping.Token).ConfigureAwait(false);
            _counters.OnConfirmed(_settings.Streams.Count, _clock.UtcNowTicks);
            if (_settings.Streams.Count > 0)
                await EmitStatusAsync(StatusFrames.Subscribed(_settings.ConnectionId, _settings.Streams, _clock.UtcNowTicks)).ConfigureAwait(false);
            _feed.Attach(this);
            await SuperviseAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopped by the stream.
        }
        catch (BinanceConnectionException ex)
        {
            await EndAsync(ex.Reason, ex).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await EndAsync($"connection failed: {ex.GetBaseException().Message}", ex).ConfigureAwait(false);
        }
    }

    private async Task SuperviseAsync()
    {
        var tick = SupervisionTick();
        while (!_stopping.IsCancellationRequested)
        {
            var active = Volatile.Read(ref _active)!;
            await Task.WhenAny(active.Ended, Task.Delay(tick, _stopping.Token)).ConfigureAwait(false);
            if (_stopping.IsCancellationRequested) return;
            if (!ReferenceEquals(active, Volatile.Read(ref _active))) continue;
            if (active.Ended.IsCompleted)
            {
                await EndAsync(await active.Ended.ConfigureAwait(false), null).ConfigureAwait(false);
                return;
            }

            if (_settings.NoDataTimeout is { } limit && active.SilentFor >= limit)
            {
                _counters.OnStale();
                await EndAsync($"stale: subscribed to {_settings.Streams.Count} streams but no data for {limit.TotalSeconds:0.#} s", null)
                    .ConfigureAwait(false);
                return;
            }

            if (_settings.MaxConnectionAge is { } age && active.Age >= age && Stopwatch.GetTimestamp() >= Volatile.Read(ref _nextRotationAt)
                && Interlocked.CompareExchange(ref _rotating, 1, 0) == 0)
                _ = RotateAsync(active, age);
        }
    }

    /// <summary>Often enough to notice silence or age promptly; at most once a second.</summary>
    private TimeSpan SupervisionTick()
    {
        var tick = TimeSpan.FromSeconds(1);
        if (_settings.NoDataTimeout is { } silence && silence / 4 < tick) tick = silence / 4;
        if (_settings.MaxConnectionAge is { } age && age / 4 < tick) tick = age / 4;
        return tick < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10) : tick;
    }

    /// <summary>Under the write lock: one frame into the stream, then the first-depth notice for snapshots.</summary>
    private async ValueTask EmitAsync(RawFrame frame, bool isData, CancellationToken cancellationToken)
    {
        await WriteAsync(frame, cancellationToken).ConfigureAwait(false);
        _counters.OnFrame(frame.Payload.Length, isData, frame.TsInit);
        // After the frame is queued, so a snapshot always follows the diff that asked for it.
        if (isData && _depthSeen is not null && _depthSeen.Count < _depthSymbols
            && DepthFrameSniffer.TryGetDiffDepthSymbol(frame.Payload.Span, out var symbol) && _depthSeen.Add(symbol))
            _feed.OnFirstDepth(symbol);
    }

    private ValueTask WriteAsync(RawFrame frame, CancellationToken cancellationToken) =>
        _output.Writer.TryWrite(frame) ? ValueTask.CompletedTask : _output.Writer.WriteAsync(frame, cancellationToken);

    private async Task EmitStatusAsync(RawFrame status)
    {
        await _write.WaitAsync(_stopping.Token).ConfigureAwait(false);
        try
        {
            await WriteAsync(status, _stopping.Token).ConfigureAwait(false);
            _counters.OnStatusFrame();
        }
        finally
        {
            _write.Release();
        }
    }

    /// <summary>Records the first cause only: one log line, a Disconnected status frame (after a Connected), then the failure.</summary>
    private async Task EndAsync(string reason, Exception? cause)
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0) return;
        var now = _clock.UtcNowTicks;
        _counters.OnDisconnected(reason, now);
        _feed.Detach(this);
        _logger?.LogWarning("{ConnectionId} disconnected: {Reason}", _settings.ConnectionId, reason);
        _stopping.Cancel();
        // Sessions first: a receive loop blocked on a full channel holds the write lock until its session is cancelled.
        await DisposeSessionsAsync().ConfigureAwait(false);
        if (_connectedEmitted)
        {
            await _write.WaitAsync().ConfigureAwait(false);
            try
            {
                await WriteAsync(StatusFrames.Disconnected(_settings.ConnectionId, reason, now), CancellationToken.None).ConfigureAwait(false);
                _counters.OnStatusFrame();
            }
            catch (ChannelClosedException)
            {
                // Downstream is gone: nobody to tell.
            }
            finally
            {
                _write.Release();
            }
        }

        _output.Writer.TryComplete(new BinanceConnectionException(_settings.ConnectionId, reason, cause));
    }

    private async Task DisposeSessionsAsync()
    {
        var sessions = new[] { Volatile.Read(ref _active), Volatile.Read(ref _standby) };
        foreach (var session in sessions)
            if (session is not null) await session.DisposeAsync().ConfigureAwait(false);
    }

    private ConnectionSession NewSession() =>
        new(_settings, Interlocked.Increment(ref _sessions), _clock, _counters, _logger, this, _ids);
}
