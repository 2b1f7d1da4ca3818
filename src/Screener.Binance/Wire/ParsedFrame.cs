namespace Screener.Binance.Wire;

/// <summary>
/// The caller-owned result of <see cref="BinanceWireParser.TryParse"/>: one stream payload of a hot kind
/// (<see cref="BinanceEventType.AggTrade"/>, <see cref="BinanceEventType.Trade"/>, <see cref="BinanceEventType.BookTicker"/>,
/// <see cref="BinanceEventType.DepthUpdate"/>, <see cref="BinanceEventType.MarkPriceUpdate"/>), flattened into reusable
/// fields so parsing allocates nothing. Which fields are meaningful depends on <see cref="Kind"/>; every parse
/// resets all of them. Not thread-safe: one instance per thread.
/// </summary>
internal sealed class ParsedFrame
{
    public BinanceEventType Kind { get; set; }

    /// <summary>Offset of the combined wrapper's stream name in the frame, or -1 for a bare payload.</summary>
    public int StreamStart { get; set; } = -1;

    public int StreamLength { get; set; }

    /// <summary><c>s</c>, uppercased and interned (no allocation once the symbol has been seen).</summary>
    public string Symbol { get; set; } = "";

    /// <summary><c>E</c>; null only on spot bookTicker, which has none.</summary>
    public long? EventTimeMs { get; set; }

    /// <summary><c>a</c> (aggTrade), <c>t</c> (trade) or <c>u</c> (bookTicker).</summary>
    public long Id { get; set; }

    /// <summary><c>T</c> of a trade: the matching-engine time.</summary>
    public long TradeTimeMs { get; set; }

    /// <summary><c>m</c>: the buyer was the maker (the aggressor sold).</summary>
    public bool BuyerIsMaker { get; set; }

    /// <summary><c>p</c>/<c>q</c> of a trade.</summary>
    public decimal Price { get; set; }

    public decimal Quantity { get; set; }

    /// <summary><c>b</c>/<c>B</c>/<c>a</c>/<c>A</c> of a bookTicker.</summary>
    public decimal BidPrice { get; set; }

    public decimal BidQuantity { get; set; }

    public decimal AskPrice { get; set; }

    public decimal AskQuantity { get; set; }

    /// <summary><c>U</c>/<c>u</c>/<c>pu</c> of a depthUpdate (<c>pu</c> is null on spot).</summary>
    public long FirstUpdateId { get; set; }

    public long FinalUpdateId { get; set; }

    public long? PreviousFinalUpdateId { get; set; }

    /// <summary><c>b</c>/<c>a</c> levels of a depthUpdate, in wire order.</summary>
    public PriceLevelBuffer Bids { get; } = new();

    public PriceLevelBuffer Asks { get; } = new();

    /// <summary><c>p</c>, <c>i</c> (null when absent or empty), <c>r</c> (null when empty) and <c>T</c> of a markPriceUpdate.</summary>
    public decimal MarkPrice { get; set; }

    public decimal? IndexPrice { get; set; }

    public decimal? FundingRate { get; set; }

    public long NextFundingTimeMs { get; set; }

    /// <summary><c>st</c>: 1 USDⓈ-M, 2 COIN-M; null when absent.</summary>
    public long? SymbolType { get; set; }

    public bool HasStream => StreamStart >= 0;

    /// <summary>The combined wrapper's stream name, sliced from the frame this instance was parsed from.</summary>
    public ReadOnlySpan<byte> StreamName(ReadOnlySpan<byte> frame) =>
        HasStream ? frame.Slice(StreamStart, StreamLength) : ReadOnlySpan<byte>.Empty;

    public void Reset()
    {
        Kind = BinanceEventType.None;
        StreamStart = -1;
        StreamLength = 0;
        Symbol = "";
        EventTimeMs = null;
        Id = TradeTimeMs = FirstUpdateId = FinalUpdateId = NextFundingTimeMs = 0;
        BuyerIsMaker = false;
        Price = Quantity = BidPrice = BidQuantity = AskPrice = AskQuantity = MarkPrice = 0;
        PreviousFinalUpdateId = SymbolType = null;
        IndexPrice = FundingRate = null;
        Bids.Clear();
        Asks.Clear();
    }
}
