namespace Screener.Binance.Transport;

/// <summary>Settings of <see cref="RestWeightLimiter"/>. Defaults target USDⓈ-M futures.</summary>
public sealed record RestLimiterSettings
{
    /// <summary>Default settings.</summary>
    public static RestLimiterSettings Default { get; } = new();

    /// <summary>
    /// The IP's REQUEST_WEIGHT per minute until <see cref="RestWeightLimiter.SetLimit"/> passes the live value from
    /// exchangeInfo <c>rateLimits</c> (default 2400, futures).
    /// </summary>
    public int WeightPerMinute { get; init; } = 2400;

    /// <summary>
    /// Fraction of the limit this process may use (default 0.8). The rest is headroom for clock skew, in-flight
    /// requests and other processes on the same IP, whose weight shows in <c>X-MBX-USED-WEIGHT-1M</c>.
    /// </summary>
    public double UsableFraction { get; init; } = 0.8;

    /// <summary>Consecutive 429 responses that open the circuit breaker (default 2).</summary>
    public int BreakerThreshold { get; init; } = 2;

    /// <summary>How long an open breaker refuses every call (default 30 s).</summary>
    public TimeSpan BreakerCooldown { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait after a 429 that carries no <c>Retry-After</c>: until the next minute window.</summary>
    public TimeSpan? DefaultRetryAfter { get; init; }

    /// <summary>Ban assumed for a 418 with neither <c>Retry-After</c> nor a readable end time (default 2 min, the shortest ban).</summary>
    public TimeSpan DefaultBan { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Extra wait past a minute boundary before spending the new window (default 250 ms), so a local clock slightly
    /// ahead of Binance's does not charge the old window.
    /// </summary>
    public TimeSpan WindowMargin { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(WeightPerMinute, 1);
        if (!(UsableFraction > 0 && UsableFraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(UsableFraction), UsableFraction, "Must be within (0, 1].");
        ArgumentOutOfRangeException.ThrowIfLessThan(BreakerThreshold, 1);
        if (BreakerCooldown <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(BreakerCooldown));
        if (DefaultRetryAfter is { } retry && retry < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(DefaultRetryAfter));
        if (DefaultBan <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(DefaultBan));
        if (WindowMargin < TimeSpan.Zero || WindowMargin >= TimeSpan.FromSeconds(30))
            throw new ArgumentOutOfRangeException(nameof(WindowMargin));
    }
}
