namespace Screener.Sim.Market;

/// <summary>
/// One side of a price ladder in integer ticks and lots. Levels sit in a list sorted best-first (keys are
/// negated for bids so one ascending list serves both sides), which gives O(1) access to the k-th level
/// for churn and snapshots; inserts are a short memmove at the book sizes simulated here.
/// </summary>
internal sealed class BookSide
{
    private readonly List<long> _keys = [];
    private readonly Dictionary<long, long> _lots = [];

    public BookSide(bool isBid) => IsBid = isBid;

    public bool IsBid { get; }

    public int Count => _keys.Count;

    /// <summary>Best price in ticks; only valid when <see cref="Count"/> &gt; 0.</summary>
    public long Best => TickAt(0);

    /// <summary>Furthest price from the touch in ticks; only valid when <see cref="Count"/> &gt; 0.</summary>
    public long Deepest => TickAt(_keys.Count - 1);

    /// <summary>Tick of the level at <paramref name="index"/> counted from the best.</summary>
    public long TickAt(int index) => IsBid ? -_keys[index] : _keys[index];

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

    /// <summary>True when <paramref name="tick"/> would sit better than (in front of) <paramref name="other"/> on this side.</summary>
    public bool IsBetter(long tick, long other) => IsBid ? tick > other : tick < other;

    private long Key(long tick) => IsBid ? -tick : tick;
}
