using Screener.Contracts.Market;

namespace Screener.Analytics.Books;

/// <summary>
/// A local limit order book keyed by exact decimal price. Bids sort descending, asks ascending. Levels beyond
/// the snapshot's depth stay unknown until they change; deleting an absent level is normal.
/// </summary>
public sealed class OrderBook
{
    private static readonly IComparer<decimal> Descending = Comparer<decimal>.Create((a, b) => b.CompareTo(a));

    private readonly SortedDictionary<decimal, decimal> _bids = new(Descending);
    private readonly SortedDictionary<decimal, decimal> _asks = new();

    public int BidLevels => _bids.Count;

    public int AskLevels => _asks.Count;

    public PriceLevel? BestBid => First(_bids);

    public PriceLevel? BestAsk => First(_asks);

    /// <summary>Replaces the whole book with a snapshot's levels.</summary>
    public void Reset(IEnumerable<PriceLevel> bids, IEnumerable<PriceLevel> asks)
    {
        _bids.Clear();
        _asks.Clear();
        Apply(bids, asks);
    }

    /// <summary>Applies absolute quantities, bids first then asks; a zero quantity deletes the level.</summary>
    public void Apply(IEnumerable<PriceLevel> bids, IEnumerable<PriceLevel> asks)
    {
        foreach (var level in bids) Set(_bids, level);
        foreach (var level in asks) Set(_asks, level);
    }

    public IReadOnlyList<PriceLevel> TopBids(int count) => Take(_bids, count);

    public IReadOnlyList<PriceLevel> TopAsks(int count) => Take(_asks, count);

    private static void Set(SortedDictionary<decimal, decimal> side, PriceLevel level)
    {
        if (level.Quantity == 0m) side.Remove(level.Price);
        else side[level.Price] = level.Quantity;
    }

    private static PriceLevel? First(SortedDictionary<decimal, decimal> side)
    {
        foreach (var (price, quantity) in side) return new PriceLevel(price, quantity);
        return null;
    }

    private static List<PriceLevel> Take(SortedDictionary<decimal, decimal> side, int count)
    {
        var levels = new List<PriceLevel>(Math.Min(count, side.Count));
        foreach (var (price, quantity) in side)
        {
            if (levels.Count == count) break;
            levels.Add(new PriceLevel(price, quantity));
        }
        return levels;
    }
}
