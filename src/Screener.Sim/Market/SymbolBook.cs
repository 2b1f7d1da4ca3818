namespace Screener.Sim.Market;

/// <summary>
/// A symbol's order book plus its bookkeeping: every effective level change draws a global update id and
/// is recorded in each diff-depth cadence, so the wire stream and REST snapshots describe one history.
/// </summary>
internal sealed class SymbolBook
{
    private readonly UpdateIdSource _ids;
    private readonly DepthCadence[] _cadences;

    public SymbolBook(UpdateIdSource ids, long startMs, Func<long, DepthCadence[]> cadences, Action<SymbolBook> seed)
    {
        _ids = ids;
        LastChangeMs = startMs;
        seed(this);
        LastUpdateId = ids.Next();
        _cadences = cadences(LastUpdateId);
    }

    public BookSide Bids { get; } = new(isBid: true);

    public BookSide Asks { get; } = new(isBid: false);

    /// <summary>The id of the latest change; a REST snapshot taken now reports it as <c>lastUpdateId</c>.</summary>
    public long LastUpdateId { get; private set; }

    /// <summary>Matching-engine time of the latest change (snapshot and depth <c>T</c>).</summary>
    public long LastChangeMs { get; private set; }

    public IReadOnlyList<DepthCadence> Cadences => _cadences;

    public BookSide Side(bool isBid) => isBid ? Bids : Asks;

    /// <summary>Loads a side while the book is built, before any id exists; used only by the constructor's seed callback.</summary>
    public void SeedSide(bool isBid, IReadOnlyList<(long Tick, long Lots)> levels) => Side(isBid).Load(levels);

    /// <summary>Sets a level (0 lots deletes) and records the change under a fresh global id.</summary>
    public void Set(bool isBid, long tick, long lots, long timeMs)
    {
        if (!Side(isBid).Set(tick, lots)) return;
        LastUpdateId = _ids.Next();
        LastChangeMs = Math.Max(LastChangeMs, timeMs);
        foreach (var cadence in _cadences) cadence.Record(isBid, tick, LastUpdateId, timeMs);
    }
}
