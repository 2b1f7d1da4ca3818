using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Screener.Binance.Subscriptions;
using Screener.Contracts;
using Screener.Contracts.Time;

namespace Screener.Binance.Transport;

/// <summary>
/// The node's one depth-snapshot queue (<see cref="ISnapshotRequester"/>): requests from gap detection downstream and
/// from the first diff of each symbol after a (re)connect are de-duplicated per symbol, fetched through the REST client
/// (and so its limiter) at most <see cref="SnapshotServiceSettings.Concurrency"/> at a time, and each snapshot is pushed
/// as a Rest frame (<see cref="RestEnvelope.Depth"/>) into the source of the connection that carries the symbol's depth
/// stream — after the diffs that asked for it, so journal and replay see it in order.
/// </summary>
/// <remarks>
/// A request for a symbol already queued or in flight is merged into it. A request whose connection is down waits for
/// the reconnect; a snapshot fetched for a connection that reconnected meanwhile is fetched again. Failed fetches are
/// retried after <see cref="SnapshotServiceSettings.RetryDelay"/>, or when a ban or open breaker ends. Workers start at
/// the first request; dispose to stop them. Thread-safe.
/// </remarks>
public sealed class SnapshotService : ISnapshotRequester, IAsyncDisposable
{
    private readonly BinanceRestClient _rest;
    private readonly IClock _clock;
    private readonly Func<string, ConnectionFeed?> _route;
    private readonly SnapshotServiceSettings _settings;
    private readonly ILogger? _logger;
    private readonly Channel<Request> _queue = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private Task[] _workers = [];
    private int _started;

    /// <summary>Creates the service.</summary>
    /// <param name="rest">REST client; its gate (normally a <see cref="RestWeightLimiter"/>) budgets the fetches.</param>
    /// <param name="clock">Time for retry deadlines.</param>
    /// <param name="route">The feed of the connection carrying a symbol's depth stream (uppercase symbol), or null.</param>
    /// <param name="settings">Depth limit, concurrency, retry delay.</param>
    /// <param name="logger">Optional.</param>
    public SnapshotService(
        BinanceRestClient rest, IClock clock, Func<string, ConnectionFeed?> route, SnapshotServiceSettings? settings = null, ILogger? logger = null)
    {
        _rest = rest ?? throw new ArgumentNullException(nameof(rest));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _route = route ?? throw new ArgumentNullException(nameof(route));
        _settings = settings ?? SnapshotServiceSettings.Default;
        _settings.Validate();
        _logger = logger;
    }

    /// <summary>Routes each symbol to the feed of the plan's connection whose streams include its diff depth.</summary>
    public static Func<string, ConnectionFeed?> RouteByPlan(StreamPlan plan, IReadOnlyDictionary<string, ConnectionFeed> feedsById)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(feedsById);
        var routes = new Dictionary<string, ConnectionFeed>(StringComparer.Ordinal);
        foreach (var connection in plan.Connections)
        {
            if (!feedsById.TryGetValue(connection.Id, out var feed)) continue;
            foreach (var symbol in connection.Symbols)
                if (connection.Streams.Contains(StreamNames.Of(symbol, StreamKind.Depth)))
                    routes[symbol] = feed;
        }

        return symbol => routes.GetValueOrDefault(symbol);
    }

    /// <summary>Counters for the operator.</summary>
    public SnapshotServiceCounters Counters { get; } = new();

    /// <summary>Symbols queued, waiting or in flight.</summary>
    public int Pending
    {
        get { lock (_lock) return _pending.Count; }
    }

    /// <inheritdoc />
    public void RequestSnapshot(string symbol, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var upper = symbol.Trim().ToUpperInvariant();
        if (_route(upper) is null)
        {
            Counters.OnUnroutable();
            _logger?.LogWarning("Depth snapshot for {Symbol} ignored ({Reason}): no planned connection carries its depth", upper, reason);
            return;
        }

        lock (_lock)
        {
            if (_stop.IsCancellationRequested) return;
            if (!_pending.Add(upper))
            {
                Counters.OnDeduplicated();
                return;
            }
        }

        Counters.OnRequested();
        _logger?.LogDebug("Depth snapshot for {Symbol} queued: {Reason}", upper, reason);
        _queue.Writer.TryWrite(new Request(upper, reason));
        EnsureStarted();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            if (_stop.IsCancellationRequested) return;
            _stop.Cancel();
        }

        _queue.Writer.TryComplete();
        try
        {
            await Task.WhenAll(_workers).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private void EnsureStarted()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0) return;
        _workers = Enumerable.Range(0, _settings.Concurrency).Select(_ => Task.Run(WorkAsync)).ToArray();
    }

    private async Task WorkAsync()
    {
        try
        {
            await foreach (var request in _queue.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
                await FetchAsync(request).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed.
        }
    }

    private async Task FetchAsync(Request request)
    {
        var symbol = request.Symbol;
        var feed = _route(symbol)!;
        await feed.WaitUntilUpAsync(_stop.Token).ConfigureAwait(false);
        var generation = feed.Generation;
        byte[] payload;
        try
        {
            var response = await _rest.GetDepthSnapshotRawAsync(symbol, _settings.DepthLimit, _stop.Token).ConfigureAwait(false);
            payload = RestEnvelope.Depth(symbol, response.Body);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_stop.IsCancellationRequested)
        {
            var now = _clock.UtcNowTicks;
            var retryAt = ex switch
            {
                BinanceIpBannedException banned => banned.BannedUntilTicks,
                BinanceCircuitOpenException open => open.OpenUntilTicks,
                _ => now + _settings.RetryDelay.Ticks,
            };
            Counters.OnFailed();
            feed.Counters.OnSnapshotFailed();
            _logger?.LogWarning("Depth snapshot for {Symbol} failed ({Reason}); retrying at {RetryAt:O}",
                symbol, ex.Message, UtcTime.ToDateTime(retryAt));
            _ = RequeueAfterAsync(request, TimeSpan.FromTicks(Math.Max(0, retryAt - now)));
            return;
        }

        if (await feed.TryPublishAsync(RawFrameKind.Rest, payload, generation, _stop.Token).ConfigureAwait(false))
        {
            lock (_lock) _pending.Remove(symbol);
            Counters.OnPublished();
            feed.Counters.OnSnapshot();
            _logger?.LogDebug("Depth snapshot for {Symbol} pushed into {ConnectionId} ({Bytes} bytes)", symbol, feed.ConnectionId, payload.Length);
            return;
        }

        // The connection went down or reconnected after the fetch: this snapshot belongs to no live stream.
        Counters.OnRequeued();
        _queue.Writer.TryWrite(request);
    }

    private async Task RequeueAfterAsync(Request request, TimeSpan delay)
    {
        try
        {
            if (delay > TimeSpan.Zero) await Task.Delay(delay, _stop.Token).ConfigureAwait(false);
            _queue.Writer.TryWrite(request);
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    private sealed record Request(string Symbol, string Reason);
}
