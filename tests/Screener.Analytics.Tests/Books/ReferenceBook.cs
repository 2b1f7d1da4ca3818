using Screener.Contracts.Market;

namespace Screener.Analytics.Tests.Books;

/// <summary>
/// The trivially correct book the sync is compared with: two dictionaries, absolute quantities, zero deletes.
/// No ordering or sequencing logic of its own; ordering happens only when rendered.
/// </summary>
internal sealed class ReferenceBook
{
    private readonly Dictionary<decimal, decimal> _bids = new();
    private readonly Dictionary<decimal, decimal> _asks = new();

    public ReferenceBook Clone()
    {
        var copy = new ReferenceBook();
        foreach (var (p, q) in _bids) copy._bids[p] = q;
        foreach (var (p, q) in _asks) copy._asks[p] = q;
        return copy;
    }

    public void Set(bool bid, decimal price, decimal quantity)
    {
        var side = bid ? _bids : _asks;
        if (quantity == 0m) side.Remove(price);
        else side[price] = quantity;
    }

    public PriceLevel[] Bids => _bids.OrderByDescending(l => l.Key).Select(l => new PriceLevel(l.Key, l.Value)).ToArray();

    public PriceLevel[] Asks => _asks.OrderBy(l => l.Key).Select(l => new PriceLevel(l.Key, l.Value)).ToArray();
}
