namespace Screener.Contracts;

/// <summary>What a raw frame carries, as far as load shedding is concerned.</summary>
public enum FrameCategory
{
    /// <summary>Anything that must not be shed (control replies, REST snapshots, status, unknown).</summary>
    Other = 0,

    /// <summary>Best bid/ask: only the latest per symbol matters, so older ones conflate first.</summary>
    BookTicker = 1,

    /// <summary>Diff depth: shedding one breaks the symbol's chain and forces a resync of that symbol.</summary>
    Depth = 2,

    /// <summary>Trades: never shed for top-priority symbols.</summary>
    Trade = 3,

    /// <summary>Mark price, liquidations and other per-symbol market data.</summary>
    MarketData = 4,
}
