namespace Screener.Binance.Transport;

/// <summary>Intervals of the slow REST pollers (<see cref="RestPollers"/>); null switches a poller off.</summary>
public sealed record RestPollerSettings
{
    /// <summary>Default settings.</summary>
    public static RestPollerSettings Default { get; } = new();

    /// <summary><c>premiumIndex</c> for all symbols, one call of weight 10 (default every 60 s).</summary>
    public TimeSpan? PremiumIndexInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// <c>openInterest</c> per symbol, weight 1 each (default every 5 min); the calls are spread evenly over the
    /// interval, one symbol at a time.
    /// </summary>
    public TimeSpan? OpenInterestInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary><c>fundingInfo</c>, weight 0 (default at start and every hour).</summary>
    public TimeSpan? FundingInfoInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        foreach (var (name, value) in new[]
                 {
                     (nameof(PremiumIndexInterval), PremiumIndexInterval), (nameof(OpenInterestInterval), OpenInterestInterval),
                     (nameof(FundingInfoInterval), FundingInfoInterval),
                 })
            if (value is { } interval && interval < TimeSpan.FromMilliseconds(10))
                throw new ArgumentOutOfRangeException(name, interval, "Must be at least 10 ms, or null to switch the poller off.");
    }
}
