using Screener.Analytics.Books;
using Screener.Contracts.Market;
using static Screener.Analytics.Tests.Books.Depth;

namespace Screener.Analytics.Tests.Books;

/// <summary>The local book: exact decimal prices, bids best-first descending, asks best-first ascending.</summary>
public sealed class OrderBookSpec
{
    [Fact]
    public void OrderBook_must_sort_bids_descending_and_asks_ascending_whatever_the_arrival_order()
    {
        var book = new OrderBook();

        book.Apply(Levels([(99.9m, 1m), (100.1m, 2m), (100.0m, 3m)]), Levels([(101.2m, 1m), (100.9m, 2m), (101.0m, 3m)]));

        Assert.Equal(new PriceLevel[] { new(100.1m, 2m), new(100.0m, 3m), new(99.9m, 1m) }, book.TopBids(10));
        Assert.Equal(new PriceLevel[] { new(100.9m, 2m), new(101.0m, 3m), new(101.2m, 1m) }, book.TopAsks(10));
        Assert.Equal(new PriceLevel(100.1m, 2m), book.BestBid);
        Assert.Equal(new PriceLevel(100.9m, 2m), book.BestAsk);
    }

    [Fact]
    public void OrderBook_must_replace_the_quantity_of_an_existing_level_and_delete_it_on_zero()
    {
        var book = new OrderBook();
        book.Apply(Levels([(100.0m, 3m), (99.9m, 1m)]), Levels([(100.1m, 2m)]));

        book.Apply(Levels([(100.0m, 5m), (99.9m, 0m)]), Levels([(100.1m, 0.000m)]));

        Assert.Equal(new PriceLevel[] { new(100.0m, 5m) }, book.TopBids(10)); // absolute, not added to the 3
        Assert.Equal(0, book.AskLevels);
        Assert.Null(book.BestAsk);
    }

    [Fact]
    public void OrderBook_must_treat_deleting_an_absent_level_as_a_no_op()
    {
        var book = new OrderBook();
        book.Apply(Levels([(100.0m, 3m)]), Levels([(100.1m, 2m)]));

        book.Apply(Levels([(98.0m, 0m)]), Levels([(105.0m, 0m)]));

        Assert.Equal(new PriceLevel[] { new(100.0m, 3m) }, book.TopBids(10));
        Assert.Equal(new PriceLevel[] { new(100.1m, 2m) }, book.TopAsks(10));
    }

    [Fact]
    public void OrderBook_must_key_levels_by_numeric_price_regardless_of_scale()
    {
        var book = new OrderBook();
        book.Apply(Levels([(458.970m, 0.3m)]), []);

        book.Apply(Levels([(458.97m, 0m)]), []); // same price on the wire as "458.97"

        Assert.Equal(0, book.BidLevels);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 2)]
    [InlineData(4, 4)]
    [InlineData(9, 4)]
    public void OrderBook_must_return_at_most_the_requested_number_of_best_levels(int requested, int returned)
    {
        var book = new OrderBook();
        book.Apply(Levels([(96m, 1m), (99m, 1m), (97m, 1m), (98m, 1m)]), Levels([(103m, 1m), (101m, 1m), (102m, 1m), (104m, 1m)]));

        var bids = book.TopBids(requested);
        var asks = book.TopAsks(requested);

        Assert.Equal(returned, bids.Count);
        Assert.Equal(returned, asks.Count);
        Assert.Equal(new[] { 99m, 98m, 97m, 96m }.Take(returned), bids.Select(l => l.Price));
        Assert.Equal(new[] { 101m, 102m, 103m, 104m }.Take(returned), asks.Select(l => l.Price));
    }

    [Fact]
    public void OrderBook_must_forget_every_old_level_on_Reset()
    {
        var book = new OrderBook();
        book.Apply(Levels([(100.0m, 3m), (99.0m, 1m)]), Levels([(101.0m, 2m)]));

        book.Reset(Levels([(98.0m, 4m), (97.0m, 0m)]), Levels([(102.0m, 1m)]));

        Assert.Equal(new PriceLevel[] { new(98.0m, 4m) }, book.TopBids(10)); // zero in a snapshot is no level
        Assert.Equal(new PriceLevel[] { new(102.0m, 1m) }, book.TopAsks(10));
        Assert.Equal(1, book.BidLevels);
        Assert.Equal(1, book.AskLevels);
    }

    [Fact]
    public void OrderBook_must_treat_one_price_written_with_different_trailing_zeros_as_one_level()
    {
        var book = new OrderBook();
        book.Apply(Levels([(100.10m, 1m)]), Levels([(100.2m, 1m)]));

        book.Apply(Levels([(100.1m, 4m), (100.100000m, 5m)]), Levels([(100.20000000m, 0m)]));

        Assert.Equal(new PriceLevel[] { new(100.10m, 5m) }, book.TopBids(10));
        Assert.Equal(0, book.AskLevels);
    }

    [Fact]
    public void OrderBook_must_stay_exact_for_prices_beyond_eight_decimals_and_beyond_the_integer_key()
    {
        var book = new OrderBook();
        var prices = new[] { 100.5m, 0.000000001m, 100.123456789m, 100.12345678m, 100_000_000_000m, 100.1234567891m, 0.00000001m };
        var random = new Random(3);

        foreach (var price in prices.OrderBy(_ => random.Next())) book.Apply(Levels([(price, 1m)]), Levels([(price, 2m)]));
        book.Apply(Levels([(100.12345678m, 0m)]), Levels([(0.000000001m, 0m)]));

        var remaining = prices.Where(p => p != 100.12345678m).ToArray();
        Assert.Equal(remaining.OrderDescending(), book.TopBids(10).Select(l => l.Price));
        Assert.Equal(prices.Where(p => p != 0.000000001m).Order(), book.TopAsks(10).Select(l => l.Price));

        // Cleared by a snapshot, the side goes back to exact integer keys and still orders correctly.
        book.Reset(Levels([(99.99m, 1m), (100.01m, 1m)]), Levels([(100.02m, 1m)]));
        book.Apply(Levels([(100.00m, 2m)]), Levels([(100.03m, 2m)]));
        Assert.Equal([100.01m, 100.00m, 99.99m], book.TopBids(10).Select(l => l.Price));
        Assert.Equal([100.02m, 100.03m], book.TopAsks(10).Select(l => l.Price));
    }
}
