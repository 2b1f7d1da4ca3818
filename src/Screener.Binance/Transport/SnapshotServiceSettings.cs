namespace Screener.Binance.Transport;

/// <summary>Settings of <see cref="SnapshotService"/>.</summary>
public sealed record SnapshotServiceSettings
{
    /// <summary>Default settings.</summary>
    public static SnapshotServiceSettings Default { get; } = new();

    /// <summary>Depth snapshot levels (default 1000, weight 20 on futures; 5, 10, 20, 50, 100, 500 also valid).</summary>
    public int DepthLimit { get; init; } = 1000;

    /// <summary>Snapshots fetched at the same time (default 1); each still passes the REST limiter.</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>Wait before fetching again after a failed fetch (default 5 s). Bans and an open breaker wait until they end.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(DepthLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Concurrency, 1);
        if (RetryDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(RetryDelay));
    }
}
