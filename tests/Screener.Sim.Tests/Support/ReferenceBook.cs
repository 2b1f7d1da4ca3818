using System.Globalization;
using System.Text.Json;

namespace Screener.Sim.Tests.Support;

/// <summary>
/// A deliberately small, independent implementation of the USDⓈ-M local-book procedure (PROTOCOL.md §4):
/// drop diffs with u &lt; lastUpdateId, the first applied one must span lastUpdateId, then pu must chain.
/// It is validated on the real KSMUSDT recording before it judges simulator output.
/// </summary>
internal sealed class ReferenceBook
{
    private readonly SortedDictionary<decimal, string> _bids = new(Comparer<decimal>.Create((a, b) => b.CompareTo(a)));
    private readonly SortedDictionary<decimal, string> _asks = new();
    private long _snapshotId;
    private long? _lastFinalId;

    public int Applied { get; private set; }

    public long? LastFinalId => _lastFinalId;

    public IReadOnlyDictionary<decimal, string> Bids => _bids;

    public IReadOnlyDictionary<decimal, string> Asks => _asks;

    public void LoadSnapshot(JsonElement snapshot)
    {
        _bids.Clear();
        _asks.Clear();
        _snapshotId = snapshot.GetProperty("lastUpdateId").GetInt64();
        _lastFinalId = null;
        Applied = 0;
        foreach (var level in snapshot.GetProperty("bids").EnumerateArray()) Set(_bids, level);
        foreach (var level in snapshot.GetProperty("asks").EnumerateArray()) Set(_asks, level);
    }

    /// <summary>Applies one depthUpdate payload (bare, not wrapped).</summary>
    public SyncStep Apply(JsonElement update)
    {
        var first = update.GetProperty("U").GetInt64();
        var final = update.GetProperty("u").GetInt64();
        var previous = update.GetProperty("pu").GetInt64();
        if (_lastFinalId is null)
        {
            if (final < _snapshotId) return SyncStep.Dropped;
            var spans = first <= _snapshotId && _snapshotId <= final;
            if (!spans && previous != _snapshotId) return SyncStep.Gap;
        }
        else if (previous != _lastFinalId)
        {
            return SyncStep.Gap;
        }
        foreach (var level in update.GetProperty("b").EnumerateArray()) Set(_bids, level);
        foreach (var level in update.GetProperty("a").EnumerateArray()) Set(_asks, level);
        _lastFinalId = final;
        Applied++;
        return SyncStep.Applied;
    }

    public bool IsCrossed => _bids.Count > 0 && _asks.Count > 0 && _bids.Keys.First() >= _asks.Keys.First();

    private static void Set(SortedDictionary<decimal, string> side, JsonElement level)
    {
        var price = decimal.Parse(level[0].GetString()!, CultureInfo.InvariantCulture);
        var quantity = level[1].GetString()!;
        if (decimal.Parse(quantity, CultureInfo.InvariantCulture) == 0) side.Remove(price);
        else side[price] = quantity;
    }
}
