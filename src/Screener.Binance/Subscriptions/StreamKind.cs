namespace Screener.Binance.Subscriptions;

/// <summary>
/// The per-symbol USDⓈ-M futures streams the screener subscribes to. Since the 2026 URL split each kind is
/// served on exactly one path (<see cref="StreamNames.PathOf"/>); a wrong path ACKs and then delivers nothing.
/// </summary>
public enum StreamKind
{
    /// <summary><c>&lt;s&gt;@depth@100ms</c>: diff depth, on <c>/public</c>.</summary>
    Depth = 0,

    /// <summary><c>&lt;s&gt;@bookTicker</c>: best bid/ask, on <c>/public</c>.</summary>
    BookTicker = 1,

    /// <summary><c>&lt;s&gt;@trade</c>: raw trades, on <c>/public</c> (observed, not documented).</summary>
    Trade = 2,

    /// <summary><c>&lt;s&gt;@aggTrade</c>: aggregated trades, on <c>/market</c>.</summary>
    AggTrade = 3,

    /// <summary><c>&lt;s&gt;@markPrice@1s</c>: mark/index price and funding, on <c>/market</c>.</summary>
    MarkPrice = 4,

    /// <summary><c>&lt;s&gt;@forceOrder</c>: liquidations, on <c>/market</c>.</summary>
    ForceOrder = 5,

    /// <summary><c>&lt;s&gt;@kline_1m</c>: one-minute candles, on <c>/market</c>.</summary>
    Kline1m = 6,
}
