using Screener.Contracts;

namespace Screener.Pipeline.Routing;

/// <summary>
/// The buffer behind <see cref="SheddingBufferStage"/>: frames in arrival order, with indexes by category and
/// symbol so a shed decision does not scan the buffer. Shed entries are marked and skipped on dequeue.
/// </summary>
public sealed class SheddingQueue(IFrameClassifier classifier, SymbolPriorities priorities)
{
    private readonly Queue<Entry> _order = new();
    private readonly Dictionary<string, Entry> _latestBookTicker = new(StringComparer.Ordinal);
    private readonly Queue<Entry> _conflatable = new();
    private readonly Dictionary<string, Queue<Entry>> _depth = new(StringComparer.Ordinal);
    private readonly Queue<Entry> _lowPriority = new();

    /// <summary>Frames buffered and not shed.</summary>
    public int Count { get; private set; }

    /// <summary>Whether <see cref="ShedOne"/> would find something to drop.</summary>
    public bool CanShed =>
        Live(_conflatable)
        || _depth.Any(kv => Live(kv.Value) && !priorities.IsTop(kv.Key))
        || _lowPriority.Any(e => !e.Shed && !e.Sent && !priorities.IsTop(e.Symbol!));

    public void Enqueue(RawFrame frame)
    {
        var (category, symbol) = classifier.Classify(frame);
        var entry = new Entry(frame, category, symbol);
        _order.Enqueue(entry);
        Count++;
        if (symbol is null) return;
        switch (category)
        {
            case FrameCategory.BookTicker:
                if (_latestBookTicker.TryGetValue(symbol, out var older) && !older.Shed && !older.Sent) _conflatable.Enqueue(older);
                _latestBookTicker[symbol] = entry;
                break;
            case FrameCategory.Depth:
                if (!_depth.TryGetValue(symbol, out var queue)) _depth[symbol] = queue = new Queue<Entry>();
                queue.Enqueue(entry);
                break;
            case FrameCategory.Trade or FrameCategory.MarketData:
                _lowPriority.Enqueue(entry);
                break;
        }
    }

    public bool TryDequeue(out RawFrame frame)
    {
        while (_order.TryDequeue(out var entry))
        {
            if (entry.Shed) continue;
            entry.Sent = true;
            Count--;
            Prune(entry);
            frame = entry.Frame;
            return true;
        }
        frame = null!;
        return false;
    }

    /// <summary>Drops one frame by the declared order; returns the reason, or null when nothing may be shed.</summary>
    public string? ShedOne()
    {
        if (Take(_conflatable) is { } ticker) return Drop(ticker, ShedReasons.BookTickerConflated);

        string? lowest = null;
        var lowestRank = -1;
        foreach (var (symbol, queue) in _depth)
        {
            if (!Live(queue) || priorities.IsTop(symbol)) continue;
            var rank = priorities.Rank(symbol);
            if (rank > lowestRank || (rank == lowestRank && string.CompareOrdinal(symbol, lowest) > 0)) (lowest, lowestRank) = (symbol, rank);
        }
        if (lowest is not null) return Drop(_depth[lowest].Dequeue(), ShedReasons.DepthLowPriority);

        var skipped = new List<Entry>();
        string? reason = null;
        while (Take(_lowPriority) is { } candidate)
        {
            if (priorities.IsTop(candidate.Symbol!)) { skipped.Add(candidate); continue; }
            reason = Drop(candidate, ShedReasons.MarketDataLowPriority);
            break;
        }
        foreach (var kept in skipped) _lowPriority.Enqueue(kept);
        return reason;
    }

    /// <summary>Category queues are FIFO like the main one, so a sent entry is released from their heads at once.</summary>
    private void Prune(Entry sent)
    {
        switch (sent.Category)
        {
            case FrameCategory.Depth when sent.Symbol is not null && _depth.TryGetValue(sent.Symbol, out var queue):
                Live(queue);
                break;
            case FrameCategory.Trade or FrameCategory.MarketData:
                Live(_lowPriority);
                break;
            case FrameCategory.BookTicker:
                Live(_conflatable);
                break;
        }
    }

    private string Drop(Entry entry, string reason)
    {
        entry.Shed = true;
        Count--;
        return reason;
    }

    /// <summary>The oldest entry of <paramref name="queue"/> still buffered (sent or shed ones are discarded).</summary>
    private static Entry? Take(Queue<Entry> queue) => Live(queue) ? queue.Dequeue() : null;

    private static bool Live(Queue<Entry> queue)
    {
        while (queue.TryPeek(out var head) && (head.Shed || head.Sent)) queue.Dequeue();
        return queue.Count > 0;
    }

    private sealed class Entry(RawFrame frame, FrameCategory category, string? symbol)
    {
        public RawFrame Frame { get; } = frame;

        public FrameCategory Category { get; } = category;

        public string? Symbol { get; } = symbol;

        public bool Shed { get; set; }

        public bool Sent { get; set; }
    }
}
