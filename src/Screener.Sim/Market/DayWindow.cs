namespace Screener.Sim.Market;

/// <summary>
/// The rolling 24 h window behind <c>GET /fapi/v1/ticker/24hr</c>: minute buckets of the simulated run plus a
/// synthetic "prior day" before the start, flat at the listing price with the symbol's baseline turnover.
/// Without that prior day every symbol would report a few seconds of volume after a start, and volume-based
/// universe filters would see nothing worth keeping. The prior day slides out linearly as the run ages, so
/// after 24 h only simulated trades remain.
/// </summary>
internal sealed class DayWindow
{
    private const long DayMs = 86_400_000;
    private const long MinuteMs = 60_000;
    private readonly Queue<MinuteBucket> _buckets = new();
    private readonly long _startMs;
    private readonly long _priorTick;
    private readonly long _priorLots;
    private readonly long _priorTrades;
    private readonly long _firstTradeId;
    private MinuteBucket? _current;
    private Fill? _last;

    /// <param name="startMs">Simulated start; the prior day ends here.</param>
    /// <param name="priorTick">Price of the prior day (the listing price).</param>
    /// <param name="priorLots">Lots traded over the prior day.</param>
    /// <param name="priorTrades">Trades over the prior day; their ids end just below <paramref name="firstTradeId"/>.</param>
    /// <param name="firstTradeId">Id of the first simulated trade.</param>
    public DayWindow(long startMs, long priorTick, long priorLots, long priorTrades, long firstTradeId)
    {
        _startMs = startMs;
        _priorTick = priorTick;
        _priorLots = priorLots;
        _priorTrades = Math.Min(priorTrades, firstTradeId - 1);
        _firstTradeId = firstTradeId;
    }

    public void Add(Fill fill)
    {
        var minute = fill.TimeMs - fill.TimeMs % MinuteMs;
        if (_current is null || _current.StartMs != minute)
        {
            _current = new MinuteBucket(minute, fill);
            _buckets.Enqueue(_current);
        }
        _current.Add(fill);
        _last = fill;
    }

    /// <summary>The window ending at <paramref name="nowMs"/>; it opens on the minute 24 h earlier, as live does.</summary>
    public DayStats Read(long nowMs)
    {
        var openTime = nowMs - DayMs - (nowMs - DayMs) % MinuteMs;
        while (_buckets.Count > 0 && _buckets.Peek().StartMs < openTime) _buckets.Dequeue();
        if (_buckets.Count == 0) _current = null;

        var remaining = Math.Clamp(1 - (double)(nowMs - _startMs) / DayMs, 0, 1);
        var priorTrades = (long)Math.Round(_priorTrades * remaining);
        var priorLots = (long)Math.Round(_priorLots * remaining);
        var hasPrior = priorTrades > 0 || _buckets.Count == 0;

        var open = hasPrior ? _priorTick : _buckets.Peek().Open;
        var high = hasPrior ? _priorTick : long.MinValue;
        var low = hasPrior ? _priorTick : long.MaxValue;
        var lots = priorLots;
        var quote = (Int128)priorLots * _priorTick;
        foreach (var bucket in _buckets)
        {
            high = Math.Max(high, bucket.High);
            low = Math.Min(low, bucket.Low);
            lots += bucket.Lots;
            quote += bucket.QuoteTickLots;
        }
        var firstId = priorTrades > 0 || _buckets.Count == 0 ? _firstTradeId - priorTrades : _buckets.Peek().FirstTradeId;
        var lastId = _last?.TradeId ?? _firstTradeId - 1;
        return new DayStats(
            open, high, low,
            LastTick: _last?.Tick ?? _priorTick,
            LastLots: _last?.Lots ?? 0,
            lots, quote, openTime,
            CloseTimeMs: _last?.TimeMs ?? nowMs,
            firstId, lastId);
    }
}
