using Screener.Analytics.Books;
using Screener.Analytics.Labels;
using Screener.Analytics.Scoring;
using Screener.Contracts.Market;
using static Screener.Analytics.Tests.Labels.LabelPaths;

namespace Screener.Analytics.Tests.Labels;

/// <summary>Walking a recorded book for a profile's notional, and the observations and labels built from it.</summary>
public sealed class BookWalkSpec
{
    private static readonly ExecutionProfile TenThousand = ExecutionProfile.Taker with { NotionalQuote = 10_000 };

    private static OrderBook Book((decimal Price, decimal Quantity)[] bids, (decimal Price, decimal Quantity)[] asks)
    {
        var book = new OrderBook();
        book.Reset(bids.Select(l => new PriceLevel(l.Price, l.Quantity)), asks.Select(l => new PriceLevel(l.Price, l.Quantity)));
        return book;
    }

    [Fact]
    public void BookWalk_must_take_whole_levels_then_part_of_the_last_for_the_notional()
    {
        var book = Book(
            bids: [(99.90m, 50m), (99.80m, 100m), (99.00m, 1_000m)],
            asks: [(100.00m, 30m), (100.10m, 40m), (100.50m, 100m), (101.00m, 1_000m)]);

        var fill = BookWalk.Observe(At(0), book, [TenThousand])!.Fills[0];

        // Buy 10,000: 30 @ 100.00 (3,000) + 40 @ 100.10 (4,004) + the remaining 2,996 @ 100.50 (29.81095 units):
        // VWAP = 10,000 / (30 + 40 + 2,996 / 100.5) = 10,000 / 99.81095 = 100.18941.
        Near(10_000 / (30 + 40 + 2_996 / 100.5), fill.BuyVwap, "buy VWAP", 1e-12);
        // Sell 10,000: 50 @ 99.90 (4,995) + the remaining 5,005 @ 99.80 (50.15030 units):
        // VWAP = 10,000 / (50 + 5,005 / 99.8) = 10,000 / 100.15030 = 99.84992.
        Near(10_000 / (50 + 5_005 / 99.8), fill.SellVwap, "sell VWAP", 1e-12);
        Assert.False(fill.Thin);
    }

    [Fact]
    public void BookWalk_must_fill_at_the_touch_when_the_best_level_holds_the_notional_and_not_call_an_exact_fill_thin()
    {
        var book = Book(bids: [(99.00m, 200m)], asks: [(100.00m, 50m), (125.00m, 40m)]);

        var fill = BookWalk.Observe(At(0), book, [TenThousand])!.Fills[0];

        Near(99.00, fill.SellVwap, "sell VWAP", 1e-12); // 19,800 on the best bid
        // Asks hold exactly 5,000 + 5,000: 10,000 / (50 + 40) = 111.11111, all the depth and not thin.
        Near(10_000.0 / 90, fill.BuyVwap, "buy VWAP", 1e-12);
        Assert.False(fill.Thin);
    }

    [Fact]
    public void BookWalk_must_use_all_the_depth_and_flag_thin_when_a_side_holds_less_than_the_notional()
    {
        var book = Book(bids: [(99.00m, 200m)], asks: [(100.00m, 10m), (101.00m, 20m)]);

        var fill = BookWalk.Observe(At(0), book, [TenThousand])!.Fills[0];

        // Asks hold 1,000 + 2,020 = 3,020 < 10,000: VWAP over both levels = 3,020 / 30 = 100.66667.
        Near(3_020.0 / 30, fill.BuyVwap, "buy VWAP", 1e-12);
        Assert.True(fill.Thin);
    }

    [Fact]
    public void BookWalk_must_give_no_observation_for_an_empty_side_or_a_crossed_book()
    {
        Assert.Null(BookWalk.Observe(At(0), new OrderBook(), [TenThousand]));
        Assert.Null(BookWalk.Observe(At(0), Book(bids: [(99m, 1m)], asks: []), [TenThousand]));
        Assert.Null(BookWalk.Observe(At(0), Book(bids: [], asks: [(101m, 1m)]), [TenThousand]));
        Assert.Null(BookWalk.Observe(At(0), Book(bids: [(101m, 1m)], asks: [(100m, 1m)]), [TenThousand]));
        Assert.NotNull(BookWalk.Observe(At(0), Book(bids: [(99m, 1m)], asks: [(101m, 1m)]), [TenThousand]));
    }

    [Fact]
    public void BookWalk_must_walk_each_profile_for_its_own_notional()
    {
        var book = Book(bids: [(99.00m, 1_000m)], asks: [(100.00m, 10m), (102.00m, 1_000m)]);
        var small = ExecutionProfile.Maker with { NotionalQuote = 500 };

        var observation = BookWalk.Observe(At(5), book, [small, TenThousand])!;

        Assert.Equal(At(5), observation.Time);
        Assert.Equal((99.00, 100.00), (observation.Bid, observation.Ask));
        Near(100.00, observation.Fills[0].BuyVwap, "500 on the 1,000 of the best ask", 1e-12);
        // 10,000: 1,000 @ 100 (10 units) + 9,000 @ 102 (88.23529 units): 10,000 / 98.23529 = 101.79641.
        Near(10_000 / (10 + 9_000 / 102.0), observation.Fills[1].BuyVwap, "10,000 through two levels", 1e-12);
    }

    [Fact]
    public void LabelBuilder_must_cost_a_taker_round_trip_on_the_walked_books_of_entry_and_exit()
    {
        var builder = new LabelBuilder([TenThousand], [TimeSpan.FromSeconds(10)]);
        var entry = Book(bids: [(99.99m, 50m), (99.95m, 200m)], asks: [(100.01m, 50m), (100.05m, 200m)]);
        var exit = Book(bids: [(100.29m, 50m), (100.25m, 200m)], asks: [(100.31m, 50m), (100.35m, 200m)]);

        var labels = builder.Build([builder.Observe(At(0), entry)!, builder.Observe(At(10), exit)!]);

        // Entry (mid 100): buy 5,000.5 @ 100.01 (50 units) + 4,999.5 @ 100.05 → B = 10,000 / (50 + 4,999.5 / 100.05) = 100.029994.
        // Exit (mid 100.30): sell 5,014.5 @ 100.29 (50 units) + 4,985.5 @ 100.25 → S = 10,000 / (50 + 4,985.5 / 100.25) = 100.270054.
        // move = 0.30 / 100 · 1e4 = 30; cost = 10 + (B − 100) · 100 (2.99940) + (100.30 − S) · 100 (2.99460) = 15.99400;
        // net = (S − B) · 100 − 10 = 14.00600.
        var buy = 10_000 / (50 + 4_999.5 / 100.05);
        var sell = 10_000 / (50 + 4_985.5 / 100.25);
        Expect(labels[0].Rows[0], LabelSide.Long, move: 30, cost: 10 + (buy - 100) * 100 + (100.30 - sell) * 100,
            net: (sell - buy) * 100 - 10, inPlay: true);
    }
}
