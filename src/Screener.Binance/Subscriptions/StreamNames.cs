using Screener.Contracts.Market;

namespace Screener.Binance.Subscriptions;

/// <summary>Stream names and routed paths for <see cref="StreamKind"/>s (USDⓈ-M futures, 2026 URL split).</summary>
public static class StreamNames
{
    /// <summary>Path for high-frequency book streams (<c>@depth*</c>, <c>@bookTicker</c>, <c>@trade</c>).</summary>
    public const string PublicPath = "public";

    /// <summary>Path for everything else (<c>@aggTrade</c>, <c>@markPrice*</c>, <c>@kline_*</c>, <c>@forceOrder</c>).</summary>
    public const string MarketPath = "market";

    /// <summary>The path that serves <paramref name="kind"/>.</summary>
    public static string PathOf(StreamKind kind) => kind switch
    {
        StreamKind.Depth or StreamKind.BookTicker or StreamKind.Trade => PublicPath,
        StreamKind.AggTrade or StreamKind.MarkPrice or StreamKind.ForceOrder or StreamKind.Kline1m => MarketPath,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown stream kind."),
    };

    /// <summary>
    /// The stream name for <paramref name="symbol"/>: the symbol lowercased (Binance ACKs an uppercase symbol and
    /// then sends nothing), the stream type in Binance's own spelling (<c>aggTrade</c>, <c>bookTicker</c>).
    /// </summary>
    public static string Of(string symbol, StreamKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        return symbol.Trim().ToLowerInvariant() + SuffixOf(kind);
    }

    private static string SuffixOf(StreamKind kind) => kind switch
    {
        StreamKind.Depth => "@depth@100ms",
        StreamKind.BookTicker => "@bookTicker",
        StreamKind.Trade => "@trade",
        StreamKind.AggTrade => "@aggTrade",
        StreamKind.MarkPrice => "@markPrice@1s",
        StreamKind.ForceOrder => "@forceOrder",
        StreamKind.Kline1m => "@kline_1m",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown stream kind."),
    };

    /// <summary>
    /// The tracked per-symbol stream a stream name stands for (<c>btcusdt@depth@100ms</c> → BTCUSDT depth), or null for
    /// streams whose silence means nothing (liquidations, candles) and names that are not per-symbol.
    /// </summary>
    public static SymbolStream? Tracked(string stream)
    {
        var at = stream.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0) return null;
        var type = stream.AsSpan(at + 1);
        var end = type.IndexOf('@');
        if (end >= 0) type = type[..end];
        string? kind = type switch
        {
            "depth" => HealthStreamKind.Depth,
            "bookTicker" => HealthStreamKind.BookTicker,
            "aggTrade" or "trade" => HealthStreamKind.Trade,
            "markPrice" => HealthStreamKind.MarkPrice,
            _ => null,
        };
        return kind is null ? null : new SymbolStream(stream[..at].ToUpperInvariant(), kind);
    }
}
