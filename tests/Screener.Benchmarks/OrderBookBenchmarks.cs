using BenchmarkDotNet.Attributes;
using Screener.Analytics.Books;
using Screener.Contracts.Market;

namespace Screener.Benchmarks;

/// <summary>
/// Applying depth diffs to a local book: a snapshot of <see cref="Depth"/> levels a side around 100.00 (tick 0.01),
/// then diffs of 8 bid and 8 ask levels near the touch (quantity changes, deletes and new levels), per diff. The same
/// 1,000 diffs are applied over and over; the book's size stays near the snapshot's.
/// </summary>
[MemoryDiagnoser]
public class OrderBookBenchmarks
{
    public const int Diffs = 1000;

    [Params(100, 1000)]
    public int Depth { get; set; }

    private readonly OrderBook _book = new();
    private PriceLevel[] _snapshotBids = [], _snapshotAsks = [];
    private (PriceLevel[] Bids, PriceLevel[] Asks)[] _diffs = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(17);
        _snapshotBids = Enumerable.Range(1, Depth).Select(i => new PriceLevel(100m - i * 0.01m, 1m + i % 7)).ToArray();
        _snapshotAsks = Enumerable.Range(0, Depth).Select(i => new PriceLevel(100m + i * 0.01m, 1m + i % 5)).ToArray();
        _diffs = Enumerable.Range(0, Diffs).Select(_ => (Side(random, 100m - 0.01m, -0.01m), Side(random, 100m, 0.01m))).ToArray();
        _book.Reset(_snapshotBids, _snapshotAsks);
    }

    private static PriceLevel[] Side(Random random, decimal touch, decimal step) =>
        Enumerable.Range(0, 8)
            .Select(_ => new PriceLevel(touch + random.Next(-3, 20) * step, random.Next(4) == 0 ? 0m : random.Next(1, 500) / 10m))
            .ToArray();

    [Benchmark(OperationsPerInvoke = Diffs)]
    public int ApplyDiff()
    {
        foreach (var (bids, asks) in _diffs) _book.Apply(bids.AsSpan(), asks.AsSpan());
        return _book.BidLevels;
    }
}
