using Screener.Analytics.Books;
using Screener.Analytics.Costs;
using Screener.Analytics.Scoring;
using Screener.Contracts.Market;

namespace Screener.Analytics.Tests.Costs;

/// <summary>The round trip priced from the book now, the way the labels price entry and exit.</summary>
public sealed class LiveCostSpec
{
    // bid 99.9 / ask 100.1 (mid 100, spread 20 bps); 5,000 quote at the touch, the rest one level out.
    private static OrderBook Book()
    {
        var book = new OrderBook();
        book.Reset([new PriceLevel(99.9m, 50.05005m), new PriceLevel(99.8m, 1_000m)], [new PriceLevel(100.1m, 49.95005m), new PriceLevel(100.2m, 1_000m)]);
        return book;
    }

    [Fact]
    public void LiveCost_must_charge_a_taker_fees_the_full_spread_and_the_walk_beyond_the_touch_on_both_legs()
    {
        var quote = LiveCost.Quote(Book(), ExecutionProfile.Taker);

        // Buying 10,000: 5,000 at 100.1 and 5,000 at 100.2, VWAP = 10,000 / (5,000/100.1 + 5,000/100.2).
        var buy = 10_000 / (5_000 / 100.1 + 5_000 / 100.2);
        var sell = 10_000 / (5_000 / 99.9 + 5_000 / 99.8);
        Assert.Equal(10, quote.FeesBps);
        Assert.Equal(20, quote.SpreadBps, 9);
        Assert.Equal(((buy - 100.1) + (99.9 - sell)) / 100 * 1e4, quote.SlippageBps, 9);
        Assert.Equal(quote.FeesBps + quote.SpreadBps + quote.SlippageBps, quote.TotalBps, 12);
        Assert.False(quote.Thin);
    }

    [Fact]
    public void LiveCost_must_charge_a_maker_no_spread_and_half_the_walk_of_its_aggressive_exit()
    {
        var taker = LiveCost.Quote(Book(), ExecutionProfile.Taker);
        var maker = LiveCost.Quote(Book(), ExecutionProfile.Maker);

        Assert.Equal(7, maker.FeesBps);
        Assert.Equal(0, maker.SpreadBps);
        Assert.Equal(taker.SlippageBps / 2, maker.SlippageBps, 9);
    }

    [Fact]
    public void LiveCost_must_flag_a_book_that_cannot_fill_the_notional_as_thin()
    {
        var book = new OrderBook();
        book.Reset([new PriceLevel(99.9m, 1m)], [new PriceLevel(100.1m, 1m)]);

        Assert.True(LiveCost.Quote(book, ExecutionProfile.Taker).Thin);
        Assert.False(LiveCost.Quote(book, ExecutionProfile.Taker with { NotionalQuote = 50 }).Thin);
    }

    [Fact]
    public void LiveCost_must_be_unavailable_without_a_book_with_one_side_empty_or_crossed()
    {
        var oneSided = new OrderBook();
        oneSided.Reset([new PriceLevel(99.9m, 100m)], []);
        var crossed = new OrderBook();
        crossed.Reset([new PriceLevel(100.2m, 100m)], [new PriceLevel(100.1m, 100m)]);

        Assert.False(LiveCost.Quote(null, ExecutionProfile.Taker).IsAvailable);
        Assert.False(LiveCost.Quote(oneSided, ExecutionProfile.Taker).IsAvailable);
        Assert.False(LiveCost.Quote(crossed, ExecutionProfile.Taker).IsAvailable);
        Assert.True(double.IsNaN(LiveCost.Quote(null, ExecutionProfile.Maker).TotalBps));
    }
}
