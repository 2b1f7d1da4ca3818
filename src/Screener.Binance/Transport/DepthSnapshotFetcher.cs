using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Screener.Binance.Wire;
using Screener.Contracts;
using Screener.Contracts.Time;

namespace Screener.Binance.Transport;

/// <summary>
/// Fetches a REST depth snapshot for each symbol whose first depth frame is seen on one connection session and
/// pushes it into the session's frame channel as a <see cref="RawFrameKind.Rest"/> frame, so the snapshot is
/// journaled and replayed in order with the diffs it belongs to. One fetch in flight at a time.
/// </summary>
internal sealed class DepthSnapshotFetcher
{
    private readonly ConnectionSettings _settings;
    private readonly BinanceRestClient _rest;
    private readonly IClock _clock;
    private readonly ConnectionCounters _counters;
    private readonly ChannelWriter<RawFrame> _frames;
    private readonly ILogger? _logger;
    private readonly CancellationToken _cancellation;
    private readonly SymbolCache _symbols = new();
    private readonly SnapshotScheduler _schedule = new();
    private readonly Channel<string> _requests =
        Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public DepthSnapshotFetcher(
        ConnectionSettings settings, BinanceRestClient rest, IClock clock, ConnectionCounters counters,
        ChannelWriter<RawFrame> frames, ILogger? logger, CancellationToken cancellation)
    {
        _settings = settings;
        _rest = rest;
        _clock = clock;
        _counters = counters;
        _frames = frames;
        _logger = logger;
        _cancellation = cancellation;
    }

    /// <summary>Per-symbol state, exposed for tests.</summary>
    internal SnapshotScheduler Schedule => _schedule;

    /// <summary>Starts the fetch loop; it ends when the session is cancelled or its channel closes.</summary>
    public Task Start() => Task.Run(RunAsync);

    /// <summary>
    /// Called for every frame after it was queued: a diff-depth frame of a symbol without a snapshot (or whose
    /// failed fetch may be retried now) requests one. The queue is unbounded but holds each symbol at most once.
    /// </summary>
    public void Observe(ReadOnlySpan<byte> frame)
    {
        if (DepthFrameSniffer.TryGetDiffDepthSymbol(frame, _symbols, out var symbol)
            && _schedule.TryBegin(symbol, _clock.UtcNowTicks))
            _requests.Writer.TryWrite(symbol);
    }

    private async Task RunAsync()
    {
        try
        {
            await foreach (var symbol in _requests.Reader.ReadAllAsync(_cancellation).ConfigureAwait(false))
                await FetchAsync(symbol).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            // The session ended; any pending request belongs to it and is dropped with it.
        }
        catch (ChannelClosedException)
        {
            // The frame channel closed (connection lost): the next session fetches afresh.
        }
    }

    private async Task FetchAsync(string symbol)
    {
        try
        {
            var response = await _rest.GetDepthSnapshotRawAsync(symbol, _settings.DepthSnapshotLimit, _cancellation)
                .ConfigureAwait(false);
            var payload = RestEnvelope.Depth(symbol, response.Body);
            var frame = new RawFrame(_settings.ConnectionId, 0, _clock.UtcNowTicks, RawFrameKind.Rest, payload);
            await _frames.WriteAsync(frame, _cancellation).ConfigureAwait(false);
            _schedule.Succeeded(symbol);
            _counters.OnSnapshot();
            _logger?.LogDebug("{ConnectionId} depth snapshot for {Symbol}: {Bytes} bytes, used weight {Weight}",
                _settings.ConnectionId, symbol, response.Body.Length, response.UsedWeight1m);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_cancellation.IsCancellationRequested)
        {
            if (ex is ChannelClosedException) throw;
            var retryAt = _clock.UtcNowTicks + _settings.SnapshotRetryDelay.Ticks;
            // No point asking again before a ban ends: the guard would refuse anyway.
            if (ex is BinanceIpBannedException banned) retryAt = Math.Max(retryAt, banned.BannedUntilTicks);
            _schedule.Failed(symbol, retryAt);
            _counters.OnSnapshotFailed();
            _logger?.LogWarning(ex, "{ConnectionId} depth snapshot for {Symbol} failed ({Reason}); retried on a depth frame after {RetryAt:O}",
                _settings.ConnectionId, symbol, ex.Message, UtcTime.ToDateTime(retryAt));
        }
    }
}
