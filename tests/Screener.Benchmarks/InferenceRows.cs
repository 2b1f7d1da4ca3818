using Screener.Analytics.Books;
using Screener.Analytics.Features;
using Screener.Contracts;

namespace Screener.Benchmarks;

/// <summary>
/// Distinct model inputs: <see cref="Markets"/> seeded <see cref="FeatureMarket"/>s, each warmed over 6 min of event
/// time (1,440 ticks of 0–40 events, as <see cref="FeatureEngineBenchmarks"/> warms its engine), then
/// <see cref="TicksPerMarket"/> ticks of 0–40 events each, the markets interleaved tick by tick as a node's substreams
/// interleave symbols. Per row, the snapshot and a synced book of 50 levels a side at that tick's touch. No row repeats,
/// so the trees' branches cannot be learned by the branch predictor the way one repeated row would let them be.
/// </summary>
internal sealed class InferenceRows
{
    public const int Markets = 16;
    public const int TicksPerMarket = 256;

    /// <summary>Rows in the pool, a power of two so a cursor can wrap with a mask.</summary>
    public const int Count = Markets * TicksPerMarket;

    private const int WarmUpTicks = 1_440, MaxEventsPerTick = 40, BookLevels = 50;

    private InferenceRows(FeatureSnapshot[] snapshots, OrderBook[] books)
    {
        Snapshots = snapshots;
        Books = books;
    }

    public FeatureSnapshot[] Snapshots { get; }

    public OrderBook[] Books { get; }

    public static InferenceRows Build()
    {
        var markets = Enumerable.Range(0, Markets).Select(m => new FeatureMarket(seed: 100 + m)).ToArray();
        var engines = markets.Select(_ => new SymbolFeatureEngine(MarketFeatures.Spec, FeatureMarket.Cadence, warmUpTicks: 20, TimeSpan.FromSeconds(30))).ToArray();
        var random = new Random(17);
        var snapshots = new List<FeatureSnapshot>(Count);
        var books = new List<OrderBook>(Count);
        for (var t = 0; t < WarmUpTicks + TicksPerMarket; t++)
        for (var m = 0; m < Markets; m++)
        {
            var market = markets[m];
            var events = random.Next(0, MaxEventsPerTick + 1);
            for (var e = 0; e < events; e++) Apply(engines[m], market.NextEvent());
            var book = market.Book(BookLevels);
            var snapshot = engines[m].Snapshot(FeatureMarket.Symbol, new Tick(FeatureMarket.Symbol, market.TickTime, Markets, market.Context()), book, bookInSync: true);
            market.NextTick();
            if (t < WarmUpTicks) continue;
            if (snapshot.Quality != DataQuality.Ok) throw new InvalidOperationException($"Row {snapshots.Count} is not clean after warm-up ({snapshot.Quality}).");
            snapshots.Add(snapshot);
            books.Add(book);
        }
        return new InferenceRows([.. snapshots], [.. books]);
    }

    private static void Apply(SymbolFeatureEngine engine, Contracts.Market.MarketEvent e)
    {
        switch (e)
        {
            case Contracts.Market.Trade trade: engine.OnTrade(trade); break;
            case Contracts.Market.BookTop top: engine.OnBookTop(top); break;
            case Contracts.Market.MarkPrice mark: engine.OnMarkPrice(mark); break;
            case Contracts.Market.Liquidation liquidation: engine.OnLiquidation(liquidation); break;
            case Contracts.Market.OpenInterest openInterest: engine.OnOpenInterest(openInterest); break;
        }
    }
}
