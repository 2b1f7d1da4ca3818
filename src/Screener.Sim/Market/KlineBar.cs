namespace Screener.Sim.Market;

/// <summary>The running OHLCV state of one kline; volumes are integer lots and exact price×quantity units.</summary>
internal sealed class KlineBar
{
    public KlineBar(long openTimeMs, long lengthMs, Fill first)
    {
        OpenTimeMs = openTimeMs;
        CloseTimeMs = openTimeMs + lengthMs - 1;
        FirstTradeId = first.TradeId;
        Open = High = Low = Close = first.Tick;
    }

    public long OpenTimeMs { get; }

    public long CloseTimeMs { get; }

    public long FirstTradeId { get; }

    public long LastTradeId { get; private set; }

    public long Open { get; }

    public long High { get; private set; }

    public long Low { get; private set; }

    public long Close { get; private set; }

    public long VolumeLots { get; private set; }

    public long TakerBuyLots { get; private set; }

    /// <summary>Σ price ticks × lots; scaled to quote decimals by the formatter.</summary>
    public Int128 QuoteTickLots { get; private set; }

    public Int128 TakerBuyQuoteTickLots { get; private set; }

    public int Trades { get; private set; }

    public bool Closed { get; set; }

    public void Add(Fill fill)
    {
        LastTradeId = fill.TradeId;
        High = Math.Max(High, fill.Tick);
        Low = Math.Min(Low, fill.Tick);
        Close = fill.Tick;
        VolumeLots += fill.Lots;
        var quote = (Int128)fill.Tick * fill.Lots;
        QuoteTickLots += quote;
        if (!fill.BuyerIsMaker)
        {
            TakerBuyLots += fill.Lots;
            TakerBuyQuoteTickLots += quote;
        }
        Trades++;
    }
}
