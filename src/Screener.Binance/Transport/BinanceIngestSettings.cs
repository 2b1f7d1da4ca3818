using Screener.Binance.Subscriptions;

namespace Screener.Binance.Transport;

/// <summary>Everything <see cref="BinanceIngestBuilder"/> needs besides the universe and the REST client.</summary>
public sealed record BinanceIngestSettings
{
    /// <summary>
    /// The streams per symbol (default: diff depth, book ticker, aggTrade, mark price, liquidations — the node's set).
    /// </summary>
    public static readonly IReadOnlyList<StreamKind> DefaultKinds = new[]
    {
        StreamKind.Depth, StreamKind.BookTicker, StreamKind.AggTrade, StreamKind.MarkPrice, StreamKind.ForceOrder,
    };

    /// <summary>Default settings (production futures).</summary>
    public static BinanceIngestSettings Default { get; } = new();

    /// <summary>WebSocket base, streams per connection and shard fill.</summary>
    public StreamPlanSettings Plan { get; init; } = StreamPlanSettings.Default;

    /// <summary>Streams per symbol.</summary>
    public IReadOnlyList<StreamKind> Kinds { get; init; } = DefaultKinds;

    /// <summary>
    /// Template of every connection's settings (backoff, no-data timeout, rotation age, subscription pacing…);
    /// <see cref="ConnectionSettings.ConnectionId"/>, <see cref="ConnectionSettings.Url"/> and
    /// <see cref="ConnectionSettings.Streams"/> are replaced by each planned connection's.
    /// </summary>
    public ConnectionSettings Connection { get; init; } = new("template", new Uri("wss://fstream.binance.com/public/ws"));

    /// <summary>The depth snapshot queue.</summary>
    public SnapshotServiceSettings Snapshots { get; init; } = SnapshotServiceSettings.Default;

    /// <summary>The slow REST pollers.</summary>
    public RestPollerSettings Pollers { get; init; } = RestPollerSettings.Default;
}
