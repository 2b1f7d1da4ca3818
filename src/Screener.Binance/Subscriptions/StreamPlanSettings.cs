namespace Screener.Binance.Subscriptions;

/// <summary>How streams are packed into connections.</summary>
/// <param name="BaseUri">WebSocket base, without the routed path (default <c>wss://fstream.binance.com</c>).</param>
/// <param name="MaxStreamsPerConnection">
/// Hard cap of streams per connection, 1..1024 (default 200: the old documented cap that third parties still use;
/// 1024 is accepted in 2026, the 1025th closes the socket with every stream on it). No connection ever exceeds it.
/// </param>
public sealed record StreamPlanSettings(Uri BaseUri, int MaxStreamsPerConnection = StreamPlanSettings.DefaultMaxStreams)
{
    /// <summary>Default streams per connection.</summary>
    public const int DefaultMaxStreams = 200;

    /// <summary>Binance's hard limit of streams per connection.</summary>
    public const int BinanceMaxStreams = 1024;

    /// <summary>Default <see cref="ShardFill"/>.</summary>
    public const double DefaultShardFill = 0.75;

    /// <summary>Production USDⓈ-M futures, 200 streams per connection.</summary>
    public static StreamPlanSettings Default { get; } = new(new Uri("wss://fstream.binance.com"));

    /// <summary>
    /// Average fill of a connection that the shard count aims at, as a fraction of <see cref="MaxStreamsPerConnection"/>
    /// (default 0.75). Hashing spreads symbols unevenly; the headroom keeps the fullest shard under the cap and lets the
    /// universe grow without changing the shard count. Range (0, 1].
    /// </summary>
    public double ShardFill { get; init; } = DefaultShardFill;

    /// <summary>Throws when a value is out of range; called by <see cref="StreamPlan.Create"/>.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(BaseUri);
        if (BaseUri.Scheme is not ("ws" or "wss"))
            throw new ArgumentException($"BaseUri must be ws:// or wss://, was {BaseUri}.", nameof(BaseUri));
        if (MaxStreamsPerConnection is < 1 or > BinanceMaxStreams)
            throw new ArgumentOutOfRangeException(nameof(MaxStreamsPerConnection), MaxStreamsPerConnection,
                $"Must be within 1..{BinanceMaxStreams}.");
        if (!(ShardFill > 0 && ShardFill <= 1))
            throw new ArgumentOutOfRangeException(nameof(ShardFill), ShardFill, "Must be within (0, 1].");
    }
}
