namespace Screener.Binance.Subscriptions;

/// <summary>How streams are packed into connections.</summary>
/// <param name="BaseUri">WebSocket base, without the routed path (default <c>wss://fstream.binance.com</c>).</param>
/// <param name="MaxStreamsPerConnection">
/// Streams per connection, 1..1024 (default 200: the old documented cap that third parties still use; 1024 is
/// accepted in 2026, the 1025th closes the socket with every stream on it).
/// </param>
public sealed record StreamPlanSettings(Uri BaseUri, int MaxStreamsPerConnection = StreamPlanSettings.DefaultMaxStreams)
{
    /// <summary>Default streams per connection.</summary>
    public const int DefaultMaxStreams = 200;

    /// <summary>Binance's hard limit of streams per connection.</summary>
    public const int BinanceMaxStreams = 1024;

    /// <summary>Production USDⓈ-M futures, 200 streams per connection.</summary>
    public static StreamPlanSettings Default { get; } = new(new Uri("wss://fstream.binance.com"));

    /// <summary>Throws when a value is out of range; called by <see cref="StreamPlan.Create"/>.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(BaseUri);
        if (BaseUri.Scheme is not ("ws" or "wss"))
            throw new ArgumentException($"BaseUri must be ws:// or wss://, was {BaseUri}.", nameof(BaseUri));
        if (MaxStreamsPerConnection is < 1 or > BinanceMaxStreams)
            throw new ArgumentOutOfRangeException(nameof(MaxStreamsPerConnection), MaxStreamsPerConnection,
                $"Must be within 1..{BinanceMaxStreams}.");
    }
}
