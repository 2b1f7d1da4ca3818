using Microsoft.Extensions.Logging;
using Screener.Contracts.Time;

namespace Screener.Binance.Transport;

/// <summary>
/// A weight-aware <see cref="IRestRequestGate"/> for one IP: it keeps this process under
/// <see cref="RestLimiterSettings.UsableFraction"/> of the live REQUEST_WEIGHT limit, honours Retry-After, opens a
/// circuit breaker after repeated 429s and stops every request during a 418 ban. Thread-safe.
/// </summary>
/// <remarks>
/// <para><b>Windows.</b> Binance counts weight per fixed UTC clock minute. The limiter tracks the current window's
/// spend as the highest <c>X-MBX-USED-WEIGHT-1M</c> seen in it (the server's count is the truth: other processes on
/// the IP show up there) plus the weight admitted but not yet answered. A request that would cross the budget waits,
/// asynchronously, until the next window (plus <see cref="RestLimiterSettings.WindowMargin"/>); a single request
/// heavier than the whole budget is admitted into an empty window rather than never.</para>
/// <para><b>429.</b> Every request waits until the Retry-After has passed (the next window when none was sent). After
/// <see cref="RestLimiterSettings.BreakerThreshold"/> consecutive 429s the breaker opens for
/// <see cref="RestLimiterSettings.BreakerCooldown"/>: calls fail fast with <see cref="BinanceCircuitOpenException"/>.
/// Afterwards one more 429 reopens it at once; any other response closes it.</para>
/// <para><b>418.</b> Every call fails fast with <see cref="BinanceIpBannedException"/> until the ban ends (Retry-After,
/// else the "banned until" time in the message, else <see cref="RestLimiterSettings.DefaultBan"/>).</para>
/// </remarks>
public sealed class RestWeightLimiter : IRestRequestGate
{
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(1);

    private readonly RestLimiterSettings _settings;
    private readonly IClock _clock;
    private readonly ILogger? _logger;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly Lock _lock = new();
    private int _limit;
    private long _window = long.MinValue;
    private int _serverUsed;
    private int _inFlight;
    private long _retryAfterUntil;
    private int _consecutive429;
    private long _breakerOpenUntil;
    private bool _breakerOpened;
    private long _bannedUntil;
    private long _loggedWaitWindow = long.MinValue;

    /// <summary>Creates a limiter.</summary>
    /// <param name="settings">Budget, breaker and ban settings (default <see cref="RestLimiterSettings.Default"/>).</param>
    /// <param name="clock">UTC time: minute windows, Retry-After and ban ends.</param>
    /// <param name="logger">Optional: one line per wait window, 429, breaker change and ban.</param>
    public RestWeightLimiter(RestLimiterSettings? settings, IClock clock, ILogger? logger = null)
        : this(settings, clock, logger, null)
    {
    }

    /// <summary>Test seam: <paramref name="delay"/> replaces <see cref="Task.Delay(TimeSpan, CancellationToken)"/> (virtual time).</summary>
    internal RestWeightLimiter(RestLimiterSettings? settings, IClock clock, ILogger? logger, Func<TimeSpan, CancellationToken, Task>? delay)
    {
        _settings = settings ?? RestLimiterSettings.Default;
        _settings.Validate();
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _logger = logger;
        _delay = delay ?? Task.Delay;
        _limit = _settings.WeightPerMinute;
    }

    /// <summary>Counters for the operator.</summary>
    public RestLimiterCounters Counters { get; } = new();

    /// <summary>The IP's REQUEST_WEIGHT per minute in use.</summary>
    public int Limit
    {
        get { lock (_lock) return _limit; }
    }

    /// <summary>The weight this process may spend per minute: <see cref="Limit"/> × <see cref="RestLimiterSettings.UsableFraction"/>.</summary>
    public int Budget
    {
        get { lock (_lock) return BudgetOf(_limit); }
    }

    /// <summary>Estimated weight spent in the current window (server count plus requests in flight).</summary>
    public int UsedWeight
    {
        get
        {
            lock (_lock)
            {
                Roll(_clock.UtcNowTicks);
                return _serverUsed + _inFlight;
            }
        }
    }

    /// <summary>End of the current 418 ban (UTC ticks), or null.</summary>
    public long? BannedUntilTicks
    {
        get { lock (_lock) return _bannedUntil > _clock.UtcNowTicks ? _bannedUntil : null; }
    }

    /// <summary>When the open circuit breaker closes (UTC ticks), or null when closed.</summary>
    public long? BreakerOpenUntilTicks
    {
        get { lock (_lock) return _breakerOpenUntil > _clock.UtcNowTicks ? _breakerOpenUntil : null; }
    }

    /// <summary>Uses the live REQUEST_WEIGHT per minute from exchangeInfo <c>rateLimits</c>; null keeps the current one.</summary>
    public void SetLimit(int? weightPerMinute)
    {
        if (weightPerMinute is not { } limit) return;
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1, nameof(weightPerMinute));
        lock (_lock) _limit = limit;
        _logger?.LogInformation("REST weight limit {Limit}/min; this process uses at most {Budget}", limit, BudgetOf(limit));
    }

    /// <inheritdoc />
    public async ValueTask<RestPermit> AcquireAsync(string endpoint, int weight, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(weight);
        var started = _clock.UtcNowTicks;
        var waited = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TimeSpan wait;
            lock (_lock)
            {
                var now = _clock.UtcNowTicks;
                ThrowIfRefused(endpoint, now);
                Roll(now);
                if (_retryAfterUntil > now)
                {
                    wait = TimeSpan.FromTicks(_retryAfterUntil - now);
                }
                else
                {
                    var spent = _serverUsed + _inFlight;
                    var budget = BudgetOf(_limit);
                    if (weight == 0 || spent + weight <= budget || spent == 0)
                    {
                        _inFlight += weight;
                        Counters.OnAdmitted(weight);
                        if (waited) Counters.OnWaited(TimeSpan.FromTicks(Math.Max(0, now - started)));
                        return new RestPermit(endpoint, weight, _window);
                    }

                    wait = TimeSpan.FromTicks(NextWindowStart() - now);
                    if (_loggedWaitWindow != _window)
                    {
                        _loggedWaitWindow = _window;
                        _logger?.LogInformation(
                            "REST weight budget reached ({Spent} of {Budget} used this minute, limit {Limit}): waiting {Wait:0.0} s for the next window",
                            spent, budget, _limit, wait.TotalSeconds);
                    }
                }
            }

            waited = true;
            await _delay(wait < MinimumWait ? MinimumWait : wait, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void OnResponse(RestPermit permit, int statusCode, int? usedWeight1m, TimeSpan? retryAfter, string? message)
    {
        lock (_lock)
        {
            var now = _clock.UtcNowTicks;
            Roll(now);
            if (permit.WindowStartTicks == _window)
            {
                _inFlight = Math.Max(0, _inFlight - permit.Weight);
                _serverUsed = usedWeight1m is { } used ? Math.Max(_serverUsed, used) : _serverUsed + permit.Weight;
            }

            if (usedWeight1m is { } seen) Counters.OnUsedWeight(seen);
            switch (statusCode)
            {
                case 429:
                    On429(permit.Endpoint, now, retryAfter);
                    break;
                case 418:
                    Counters.OnBanned();
                    _bannedUntil = Math.Max(_bannedUntil, BanGuard.BanEnd(now, retryAfter, message, _settings.DefaultBan));
                    _logger?.LogError("REST stopped: Binance banned this IP (418 on {Endpoint}) until {Until:O}: {Message}",
                        permit.Endpoint, UtcTime.ToDateTime(_bannedUntil), message);
                    break;
                default:
                    _consecutive429 = 0;
                    break;
            }
        }
    }

    /// <inheritdoc />
    public void OnNoResponse(RestPermit permit)
    {
        lock (_lock)
        {
            Roll(_clock.UtcNowTicks);
            if (permit.WindowStartTicks != _window) return;
            // The server may have counted it: keep it spent rather than in flight.
            _inFlight = Math.Max(0, _inFlight - permit.Weight);
            _serverUsed += permit.Weight;
        }
    }

    private void On429(string endpoint, long now, TimeSpan? retryAfter)
    {
        Counters.OnThrottled();
        _consecutive429++;
        var wait = retryAfter ?? _settings.DefaultRetryAfter ?? TimeSpan.FromTicks(NextWindowStart() - now);
        _retryAfterUntil = Math.Max(_retryAfterUntil, now + Math.Max(0, wait.Ticks));
        if (_consecutive429 >= _settings.BreakerThreshold)
        {
            _breakerOpenUntil = Math.Max(now + _settings.BreakerCooldown.Ticks, _retryAfterUntil);
            _breakerOpened = true;
            // Half-open afterwards: the next 429 reopens at once.
            _consecutive429 = _settings.BreakerThreshold - 1;
            Counters.OnBreakerOpened();
            _logger?.LogError(
                "REST circuit breaker open: {Count} consecutive 429 responses (last on {Endpoint}); every call fails fast until {Until:O}",
                _settings.BreakerThreshold, endpoint, UtcTime.ToDateTime(_breakerOpenUntil));
        }
        else
        {
            _logger?.LogWarning("REST rate limited (429 on {Endpoint}): every request waits {Wait:0.0} s (Retry-After)",
                endpoint, wait.TotalSeconds);
        }
    }

    private void ThrowIfRefused(string endpoint, long now)
    {
        if (_bannedUntil > now)
        {
            Counters.OnRefused();
            throw new BinanceIpBannedException(endpoint, _bannedUntil);
        }

        if (_breakerOpenUntil > now)
        {
            Counters.OnRefused();
            throw new BinanceCircuitOpenException(endpoint, _breakerOpenUntil, _settings.BreakerThreshold);
        }

        if (_breakerOpened)
        {
            _breakerOpened = false;
            _logger?.LogInformation("REST circuit breaker closed: requests resume (one more 429 reopens it)");
        }
    }

    /// <summary>Windows are shifted by the margin, so a clock slightly ahead of Binance's still charges the right one.</summary>
    private void Roll(long now)
    {
        var window = UtcTime.Floor(now - _settings.WindowMargin.Ticks, TimeSpan.TicksPerMinute);
        if (window == _window) return;
        _window = window;
        _serverUsed = 0;
        _inFlight = 0;
    }

    private long NextWindowStart() => _window + TimeSpan.TicksPerMinute + _settings.WindowMargin.Ticks;

    private int BudgetOf(int limit) => Math.Max(1, (int)Math.Floor(limit * _settings.UsableFraction));
}
