namespace Screener.Pipeline.Routing;

/// <summary>Why the ingest router dropped a frame, in the order it tries them.</summary>
public static class ShedReasons
{
    /// <summary>An older best bid/ask of a symbol replaced by a newer one.</summary>
    public const string BookTickerConflated = "book-ticker-conflated";

    /// <summary>A depth diff of the lowest-priority symbol buffered (its book will resync).</summary>
    public const string DepthLowPriority = "depth-low-priority";

    /// <summary>A trade or other market data of a symbol outside the top priority.</summary>
    public const string MarketDataLowPriority = "market-data-low-priority";
}
