namespace Screener.Sim.Market;

/// <summary>
/// One side of a price ladder in integer ticks and lots. Levels sit in one ascending key list with the best
/// level last (ask keys are negated), which gives O(1) access to the k-th level for churn and snapshots and
/// keeps the frequent changes near the touch at the cheap end of the list.
/// </summary>
internal sealed class BookSide
{
    private readonly List<long> _keys = [];
    private readonly Dictionary<long, long> _lots = [];

    public BookSide(bool isBid) => IsBid = isBid;

    public bool IsBid { get; }

    public int Count => _keys.Count;

    /// <summary>Best price in ticks; only valid when <see cref="Count"/> &gt; 0.</summary>
    public long Best => Tick(_keys[^1]);

    /// <summary>Furthest price from the touch in ticks; only valid when <see cref="Count"/> &gt; 0.</summary>
    public long Deepest => Tick(_keys[0]);

    /// <summary>Tick of the level at <paramref name="index"/> counted from the best.</summary>
    public long TickAt(int index) => Tick(_keys[_keys.Count - 1 - index]);

    public long LotsAt(long tick) => _lots.GetValueOrDefault(tick);

    public bool Contains(long tick) => _lots.ContainsKey(tick);

    /// <summary>Sets a level; zero lots removes it. Returns false when nothing changed.</summary>
    public bool Set(long tick, long lots)
    {
        if (lots < 0) throw new ArgumentOutOfRangeException(nameof(lots), lots, "Book quantities are never negative.");
        if (lots == 0)
        {
            if (!_lots.Remove(tick)) return false;
            var at = _keys.BinarySearch(Key(tick));
            _keys.RemoveAt(at);
            return true;
        }
        if (_lots.TryGetValue(tick, out var current))
        {
            if (current == lots) return false;
            _lots[tick] = lots;
            return true;
        }
        _lots[tick] = lots;
        var index = _keys.BinarySearch(Key(tick));
        _keys.Insert(~index, Key(tick));
        return true;
    }

    /// <summary>Fills an empty side in one pass (seeding level by level from the touch would shift the list each time).</summary>
    public void Load(IReadOnlyList<(long Tick, long Lots)> levels)
    {
        if (_keys.Count != 0) throw new InvalidOperationException("Only an empty side can be loaded.");
        foreach (var (tick, lots) in levels)
        {
            if (lots <= 0) throw new ArgumentOutOfRangeException(nameof(levels), lots, "Seeded levels need a positive quantity.");
            if (!_lots.TryAdd(tick, lots)) throw new ArgumentException($"Duplicate level {tick}.", nameof(levels));
            _keys.Add(Key(tick));
        }
        _keys.Sort();
    }

    /// <summary>True when <paramref name="tick"/> would sit better than (in front of) <paramref name="other"/> on this side.</summary>
    public bool IsBetter(long tick, long other) => IsBid ? tick > other : tick < other;

    private long Key(long tick) => IsBid ? tick : -tick;

    private long Tick(long key) => IsBid ? key : -key;
}
