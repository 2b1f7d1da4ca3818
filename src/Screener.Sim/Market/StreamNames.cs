namespace Screener.Sim.Market;

/// <summary>
/// The fstream stream names the simulator produces. Names are case-sensitive and use the lower-case
/// symbol; anything else (upper case, unknown type, <c>@depth@250ms</c>) is never produced, which is how
/// live fstream behaves after ACKing such a SUBSCRIBE.
/// </summary>
public static class StreamNames
{
    /// <summary>All-market liquidations; each push is a single forceOrder object despite the name.</summary>
    public const string AllForceOrders = "!forceOrder@arr";

    /// <summary>All-market mark prices every 3 s (JSON array).</summary>
    public const string AllMarkPrices = "!markPrice@arr";

    /// <summary>All-market mark prices every 1 s (JSON array).</summary>
    public const string AllMarkPrices1s = "!markPrice@arr@1s";

    /// <summary>All-market best bid/ask; each push is one symbol's bookTicker.</summary>
    public const string AllBookTickers = "!bookTicker";

    /// <summary>Per-symbol stream suffixes (after <c>&lt;symbol&gt;</c>), excluding klines.</summary>
    public static IReadOnlyList<string> SymbolSuffixes { get; } =
    [
        "@depth@100ms", "@depth", "@depth@500ms", "@bookTicker", "@trade",
        "@aggTrade", "@markPrice@1s", "@markPrice", "@forceOrder",
    ];

    /// <summary>Every per-symbol stream name for <paramref name="streamKey"/> (lower-case symbol), klines included.</summary>
    public static IEnumerable<string> ForSymbol(string streamKey)
    {
        foreach (var suffix in SymbolSuffixes) yield return streamKey + suffix;
        foreach (var interval in KlineInterval.All) yield return $"{streamKey}@kline_{interval.Name}";
    }
}
