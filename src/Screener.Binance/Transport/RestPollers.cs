using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Screener.Binance.Subscriptions;
using Screener.Contracts;

namespace Screener.Binance.Transport;

/// <summary>
/// The slow REST pollers: <c>premiumIndex</c> (all symbols, one call), <c>openInterest</c> (per symbol, spread over
/// its interval) and <c>fundingInfo</c> (at start and hourly). Each result becomes a Rest frame
/// (<see cref="RestEnvelope"/> kinds <see cref="RestEnvelope.PremiumIndexKind"/> and <see cref="RestEnvelope.FundingInfoKind"/>
/// with symbol <see cref="RestEnvelope.AllSymbols"/> and the rows of one shard, <see cref="RestEnvelope.OpenInterestKind"/>
/// per symbol) pushed into the shard's <c>/market</c> connection (its <c>/public</c> one when the plan has no market
/// path), so it is journaled with that shard's stream. Rows of symbols outside the plan are dropped.
/// </summary>
/// <remarks>
/// Every poller waits for the first connection to come up before its first call. A premiumIndex or fundingInfo frame
/// whose connection is down waits for it up to the poll interval, then is skipped (the next poll replaces it); an
/// openInterest call is not made while its connection is down. Calls go through the REST client's gate; failures are
/// counted and logged at most once a minute per poller.
/// </remarks>
public sealed class RestPollers : IAsyncDisposable
{
    private static readonly TimeSpan FailureLogInterval = TimeSpan.FromMinutes(1);

    private readonly BinanceRestClient _rest;
    private readonly RestPollerSettings _settings;
    private readonly ILogger? _logger;
    private readonly string[] _symbols;
    private readonly Dictionary<string, ConnectionFeed> _feedBySymbol = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConnectionFeed> _feedByShard = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _shardBySymbol = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, long> _lastFailureLog = new(StringComparer.Ordinal);
    private Task[] _loops = [];
    private int _started;

    /// <summary>Creates the pollers of <paramref name="plan"/>'s symbols.</summary>
    public RestPollers(
        BinanceRestClient rest, StreamPlan plan, IReadOnlyDictionary<string, ConnectionFeed> feedsById,
        RestPollerSettings? settings = null, ILogger? logger = null)
    {
        _rest = rest ?? throw new ArgumentNullException(nameof(rest));
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(feedsById);
        _settings = settings ?? RestPollerSettings.Default;
        _settings.Validate();
        _logger = logger;
        foreach (var connection in plan.Connections.OrderBy(c => c.Path == StreamNames.MarketPath ? 0 : 1))
        {
            if (!feedsById.TryGetValue(connection.Id, out var feed) || _feedByShard.ContainsKey(connection.Shard)) continue;
            _feedByShard[connection.Shard] = feed;
            foreach (var symbol in connection.Symbols)
            {
                _feedBySymbol[symbol] = feed;
                _shardBySymbol[symbol] = connection.Shard;
            }
        }

        _symbols = _shardBySymbol.Keys.Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Counters for the operator.</summary>
    public RestPollerCounters Counters { get; } = new();

    /// <summary>Starts the enabled pollers (once).</summary>
    public void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0 || _symbols.Length == 0) return;
        var loops = new List<Task>();
        if (_settings.PremiumIndexInterval is { } premium) loops.Add(Task.Run(() => LoopAsync("premiumIndex", premium, PollPremiumIndexAsync)));
        if (_settings.FundingInfoInterval is { } funding) loops.Add(Task.Run(() => LoopAsync("fundingInfo", funding, PollFundingInfoAsync)));
        if (_settings.OpenInterestInterval is { } openInterest)
        {
            var slot = openInterest / _symbols.Length;
            var next = 0;
            loops.Add(Task.Run(() => LoopAsync("openInterest", slot < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : slot,
                ct => PollOpenInterestAsync(_symbols[next++ % _symbols.Length], ct))));
        }

        _loops = loops.ToArray();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested) return;
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_loops).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private async Task LoopAsync(string name, TimeSpan period, Func<CancellationToken, Task> poll)
    {
        var token = _stop.Token;
        try
        {
            await Task.WhenAny(_feedByShard.Values.Select(f => f.WaitUntilUpAsync(token))).ConfigureAwait(false);
            using var timer = new PeriodicTimer(period);
            do
            {
                try
                {
                    await poll(token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    Counters.OnFailure();
                    LogFailure(name, ex);
                }
            } while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Disposed.
        }
    }

    private async Task PollPremiumIndexAsync(CancellationToken cancellationToken)
    {
        if (!_feedByShard.Values.Any(f => f.IsUp))
        {
            Counters.OnSkipped();
            return;
        }

        Counters.OnPoll();
        var response = await _rest.GetPremiumIndexRawAsync(null, cancellationToken).ConfigureAwait(false);
        await PublishByShardAsync(RestEnvelope.PremiumIndexKind, response.Body, _settings.PremiumIndexInterval!.Value, cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task PollFundingInfoAsync(CancellationToken cancellationToken)
    {
        Counters.OnPoll();
        var response = await _rest.GetFundingInfoRawAsync(cancellationToken).ConfigureAwait(false);
        await PublishByShardAsync(RestEnvelope.FundingInfoKind, response.Body, _settings.FundingInfoInterval!.Value, cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task PollOpenInterestAsync(string symbol, CancellationToken cancellationToken)
    {
        var feed = _feedBySymbol[symbol];
        if (!feed.IsUp)
        {
            Counters.OnSkipped();
            return;
        }

        Counters.OnPoll();
        var generation = feed.Generation;
        var response = await _rest.GetOpenInterestRawAsync(symbol, cancellationToken).ConfigureAwait(false);
        var payload = RestEnvelope.OpenInterest(symbol, response.Body);
        if (await feed.TryPublishAsync(RawFrameKind.Rest, payload, generation, cancellationToken).ConfigureAwait(false)) Counters.OnPublished();
        else Counters.OnSkipped();
    }

    /// <summary>One frame per shard with that shard's rows; a down connection is waited for up to <paramref name="patience"/>.</summary>
    private async Task PublishByShardAsync(string kind, byte[] body, TimeSpan patience, CancellationToken cancellationToken)
    {
        Dictionary<string, byte[]> rows;
        try
        {
            rows = RestRows.SplitBySymbol(body, symbol => _shardBySymbol.GetValueOrDefault(symbol));
        }
        catch (JsonException ex)
        {
            throw new BinanceApiException(kind, 200, null, $"unreadable {kind} body: {ex.Message}", null);
        }

        await Task.WhenAll(rows.Select(async pair =>
        {
            var feed = _feedByShard[pair.Key];
            var payload = RestEnvelope.Create(kind, RestEnvelope.AllSymbols, pair.Value);
            if (!feed.IsUp)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(patience);
                try
                {
                    await feed.WaitUntilUpAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // Still down after the patience: skipped below.
                }
            }

            if (await feed.TryPublishAsync(RawFrameKind.Rest, payload, null, cancellationToken).ConfigureAwait(false)) Counters.OnPublished();
            else Counters.OnSkipped();
        })).ConfigureAwait(false);
    }

    private void LogFailure(string poller, Exception ex)
    {
        if (_logger is null) return;
        var now = Stopwatch.GetTimestamp();
        lock (_lastFailureLog)
        {
            if (_lastFailureLog.TryGetValue(poller, out var last) && Stopwatch.GetElapsedTime(last, now) < FailureLogInterval) return;
            _lastFailureLog[poller] = now;
        }

        _logger.LogWarning("REST poller {Poller} failed: {Reason} (further failures logged at most once a minute)", poller, ex.Message);
    }
}
