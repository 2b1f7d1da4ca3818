using Screener.Contracts.Market;

namespace Screener.Analytics.Books;

/// <summary>
/// A local limit order book keyed by exact decimal price. Bids sort descending, asks ascending. Levels beyond
/// the snapshot's depth stay unknown until they change; deleting an absent level is normal.
/// </summary>
/// <remarks>
/// Each side is a sorted array with the best level last: almost every change lands near the touch, so an insert or
/// delete there moves a few entries, and a book that has reached its size allocates nothing more (a tree of nodes
/// would allocate per new level and leave every deleted one to the collector).
/// </remarks>
public sealed class OrderBook
{
    private readonly BookSide _bids = new(bestIsHighest: true);
    private readonly BookSide _asks = new(bestIsHighest: false);

    public int BidLevels => _bids.Count;

    public int AskLevels => _asks.Count;

    public PriceLevel? BestBid => _bids.Best;

    public PriceLevel? BestAsk => _asks.Best;

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
        foreach (var level in bids) _bids.Set(level.Price, level.Quantity);
        foreach (var level in asks) _asks.Set(level.Price, level.Quantity);
    }

    /// <summary>Applies absolute quantities, bids first then asks; a zero quantity deletes the level.</summary>
    public void Apply(ReadOnlySpan<PriceLevel> bids, ReadOnlySpan<PriceLevel> asks)
    {
        foreach (var level in bids) _bids.Set(level.Price, level.Quantity);
        foreach (var level in asks) _asks.Set(level.Price, level.Quantity);
    }

    /// <summary>Bid prices as doubles, best level <b>last</b> (ascending); for features, which need no exact keys.</summary>
    public ReadOnlySpan<double> BidPriceValues => _bids.PriceValues;

    /// <summary>Bid quantities as doubles, aligned with <see cref="BidPriceValues"/>.</summary>
    public ReadOnlySpan<double> BidQuantityValues => _bids.QuantityValues;

    /// <summary>Ask prices as doubles, best level <b>last</b> (descending).</summary>
    public ReadOnlySpan<double> AskPriceValues => _asks.PriceValues;

    /// <summary>Ask quantities as doubles, aligned with <see cref="AskPriceValues"/>.</summary>
    public ReadOnlySpan<double> AskQuantityValues => _asks.QuantityValues;

    public IReadOnlyList<PriceLevel> TopBids(int count) => _bids.Top(count);

    public IReadOnlyList<PriceLevel> TopAsks(int count) => _asks.Top(count);

    /// <summary>
    /// One side, sorted so that the best level is the last entry. Exact decimal keys and quantities, with double
    /// copies kept alongside for readers that compute with them.
    /// </summary>
    private sealed class BookSide(bool bestIsHighest)
    {
        private decimal[] _prices = new decimal[64];
        private decimal[] _quantities = new decimal[64];
        private double[] _priceValues = new double[64];
        private double[] _quantityValues = new double[64];

        public int Count { get; private set; }

        public ReadOnlySpan<double> PriceValues => _priceValues.AsSpan(0, Count);

        public ReadOnlySpan<double> QuantityValues => _quantityValues.AsSpan(0, Count);

        public PriceLevel? Best => Count == 0 ? null : new PriceLevel(_prices[Count - 1], _quantities[Count - 1]);

        public void Clear() => Count = 0;

        public void Set(decimal price, decimal quantity)
        {
            var index = Find(price);
            if (index >= 0)
            {
                if (quantity != 0m)
                {
                    _quantities[index] = quantity;
                    _quantityValues[index] = (double)quantity;
                    return;
                }
                var after = Count - index - 1;
                Array.Copy(_prices, index + 1, _prices, index, after);
                Array.Copy(_quantities, index + 1, _quantities, index, after);
                Array.Copy(_priceValues, index + 1, _priceValues, index, after);
                Array.Copy(_quantityValues, index + 1, _quantityValues, index, after);
                Count--;
                return;
            }
            if (quantity == 0m) return;
            var at = ~index;
            if (Count == _prices.Length)
            {
                Array.Resize(ref _prices, Count * 2);
                Array.Resize(ref _quantities, Count * 2);
                Array.Resize(ref _priceValues, Count * 2);
                Array.Resize(ref _quantityValues, Count * 2);
            }
            Array.Copy(_prices, at, _prices, at + 1, Count - at);
            Array.Copy(_quantities, at, _quantities, at + 1, Count - at);
            Array.Copy(_priceValues, at, _priceValues, at + 1, Count - at);
            Array.Copy(_quantityValues, at, _quantityValues, at + 1, Count - at);
            _prices[at] = price;
            _quantities[at] = quantity;
            _priceValues[at] = (double)price;
            _quantityValues[at] = (double)quantity;
            Count++;
        }

        public List<PriceLevel> Top(int count)
        {
            var levels = new List<PriceLevel>(Math.Min(count, Count));
            for (var i = Count - 1; i >= 0 && levels.Count < count; i--) levels.Add(new PriceLevel(_prices[i], _quantities[i]));
            return levels;
        }

        /// <summary>The index of <paramref name="price"/>, or the complement of where it belongs.</summary>
        private int Find(decimal price)
        {
            // Worst level first: bids ascend towards the best (highest), asks descend towards the best (lowest).
            int lo = 0, hi = Count - 1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                var order = _prices[mid].CompareTo(price);
                if (!bestIsHighest) order = -order;
                if (order == 0) return mid;
                if (order < 0) lo = mid + 1;
                else hi = mid - 1;
            }
            return ~lo;
        }
    }
}
