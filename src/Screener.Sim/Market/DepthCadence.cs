namespace Screener.Sim.Market;

/// <summary>
/// Accumulates the levels touched since the last push of one diff-depth stream (<c>@depth@100ms</c>,
/// <c>@depth</c> = 250 ms, <c>@depth@500ms</c>). A push carries U = first id since the last push,
/// u = last id, pu = the previous push's u, which is what the futures sync procedure checks.
/// </summary>
internal sealed class DepthCadence
{
    private readonly HashSet<long> _bidTicks = [];
    private readonly HashSet<long> _askTicks = [];
    private long _firstId;
    private long _lastId;
    private long _lastChangeMs;
    private long _previousFinalId;

    public DepthCadence(string stream, int intervalMs, long initialUpdateId)
    {
        Stream = stream;
        IntervalMs = intervalMs;
        _previousFinalId = initialUpdateId;
    }

    public string Stream { get; }

    public int IntervalMs { get; }

    public bool HasChanges => _firstId != 0;

    /// <summary>True when simulated time crossed a multiple of the interval during the step.</summary>
    public bool IsDue(long previousNowMs, long nowMs) => nowMs / IntervalMs != previousNowMs / IntervalMs;

    public void Record(bool isBid, long tick, long updateId, long timeMs)
    {
        if (_firstId == 0) _firstId = updateId;
        _lastId = updateId;
        _lastChangeMs = Math.Max(_lastChangeMs, timeMs);
        (isBid ? _bidTicks : _askTicks).Add(tick);
    }

    /// <summary>Builds the push from the book's current quantities and starts a new accumulation window.</summary>
    public DepthDiffData Take(SymbolBook book)
    {
        var diff = new DepthDiffData(
            _firstId,
            _lastId,
            _previousFinalId,
            _lastChangeMs,
            Levels(_bidTicks, book.Bids),
            Levels(_askTicks, book.Asks));
        _previousFinalId = _lastId;
        _firstId = 0;
        _bidTicks.Clear();
        _askTicks.Clear();
        return diff;
    }

    private static List<(long Tick, long Lots)> Levels(HashSet<long> ticks, BookSide side)
    {
        // fstream lists both sides in ascending price order.
        var list = new List<(long Tick, long Lots)>(ticks.Count);
        foreach (var tick in ticks) list.Add((tick, side.LotsAt(tick)));
        list.Sort(static (x, y) => x.Tick.CompareTo(y.Tick));
        return list;
    }
}
