namespace Screener.Binance.Wire;

/// <summary>What a Binance stream payload is, from its <c>e</c> field (or, for spot bookTicker, its key set).</summary>
internal enum BinanceEventType
{
    /// <summary>No <c>e</c> and no recognisable key set: well-formed but not a kind we decode.</summary>
    None,

    /// <summary><c>e</c> is present but not a string: a broken frame.</summary>
    Invalid,

    AggTrade,
    Trade,
    BookTicker,
    DepthUpdate,
    MarkPriceUpdate,
    ForceOrder,
    Kline,

    /// <summary>A well-formed event type we do not decode (24hrTicker, serverShutdown, …).</summary>
    Other,
}
