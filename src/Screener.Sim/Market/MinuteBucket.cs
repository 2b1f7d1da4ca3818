namespace Screener.Sim.Market;

/// <summary>One UTC minute of a symbol's executions, the unit the rolling 24 h ticker window slides by.</summary>
internal sealed class MinuteBucket
{
    public MinuteBucket(long startMs, Fill first)
    {
        StartMs = startMs;
        FirstTradeId = first.TradeId;
        Open = High = Low = first.Tick;
    }

    public long StartMs { get; }

    public long FirstTradeId { get; }

    public long Open { get; }

    public long High { get; private set; }

    public long Low { get; private set; }

    public long Lots { get; private set; }

    /// <summary>Σ price ticks × lots, exact.</summary>
    public Int128 QuoteTickLots { get; private set; }

    public void Add(Fill fill)
    {
        High = Math.Max(High, fill.Tick);
        Low = Math.Min(Low, fill.Tick);
        Lots += fill.Lots;
        QuoteTickLots += (Int128)fill.Tick * fill.Lots;
    }
}
