namespace Screener.Sim.Market;

/// <summary>A symbol's executions in the current step, with the per-symbol trade and aggregate-trade id counters.</summary>
internal sealed class TradeTape
{
    private readonly List<Fill> _fills = [];
    private long _nextTradeId;
    private long _nextAggregateId;

    public TradeTape(long firstTradeId, long firstAggregateId)
    {
        _nextTradeId = firstTradeId;
        _nextAggregateId = firstAggregateId;
    }

    public IReadOnlyList<Fill> Fills => _fills;

    public Fill Add(long timeMs, long tick, long lots, bool buyerIsMaker)
    {
        var fill = new Fill(_nextTradeId++, timeMs, tick, lots, buyerIsMaker);
        _fills.Add(fill);
        return fill;
    }

    /// <summary>Merges consecutive fills at one price and side; ids stay contiguous per aggregate (<c>f</c>..<c>l</c>).</summary>
    public List<AggregateTrade> Aggregate()
    {
        var result = new List<AggregateTrade>();
        var i = 0;
        while (i < _fills.Count)
        {
            var first = _fills[i];
            var lots = first.Lots;
            var j = i + 1;
            while (j < _fills.Count && _fills[j].Tick == first.Tick && _fills[j].BuyerIsMaker == first.BuyerIsMaker)
                lots += _fills[j++].Lots;
            var last = _fills[j - 1];
            result.Add(new AggregateTrade(_nextAggregateId++, first.Tick, lots, first.TradeId, last.TradeId, last.TimeMs, first.BuyerIsMaker));
            i = j;
        }
        return result;
    }

    public void Clear() => _fills.Clear();
}
