using Screener.Contracts.Market;

namespace Screener.Pipeline.Stages;

/// <summary>The per-symbol stream kinds whose silence is tracked, named as in <c>screener.health.stale-after</c>.</summary>
public static class StreamKinds
{
    public const string Depth = HealthStreamKind.Depth;
    public const string BookTicker = HealthStreamKind.BookTicker;
    public const string Trade = HealthStreamKind.Trade;
    public const string MarkPrice = HealthStreamKind.MarkPrice;

    public static readonly IReadOnlyList<string> All = [Depth, BookTicker, Trade, MarkPrice];

    /// <summary>The tracked kind an event belongs to, or null for kinds whose silence means nothing (liquidations, REST).</summary>
    public static string? Of(MarketEvent e) => e switch
    {
        DepthDiff => Depth,
        BookTop => BookTicker,
        Contracts.Market.Trade => Trade,
        Contracts.Market.MarkPrice => MarkPrice,
        _ => null,
    };
}
