using Screener.Contracts;
using Screener.Contracts.Market;

namespace Screener.Binance.Wire;

/// <summary>
/// A reusable, growable run of book levels owned by a <see cref="ParsedFrame"/>: parsing a depth frame writes into
/// it instead of allocating, and it only grows (to the largest frame seen), so a warmed-up parser allocates nothing.
/// </summary>
internal sealed class PriceLevelBuffer
{
    private PriceLevel[] _items;

    public PriceLevelBuffer(int capacity = 64) => _items = new PriceLevel[Math.Max(1, capacity)];

    public int Count { get; private set; }

    public ReadOnlySpan<PriceLevel> AsSpan() => _items.AsSpan(0, Count);

    public void Clear() => Count = 0;

    public void Add(decimal price, decimal quantity)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = new PriceLevel(price, quantity);
    }

    /// <summary>A fresh immutable copy for an output contract (the one allocation a depth event needs).</summary>
    public EquatableArray<PriceLevel> ToEquatableArray() =>
        Count == 0 ? EquatableArray<PriceLevel>.Empty : new EquatableArray<PriceLevel>(AsSpan().ToArray());
}
