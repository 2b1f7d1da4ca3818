using Screener.Analytics.Books;
using Screener.Analytics.Scoring;

namespace Screener.Analytics.Labels;

/// <summary>
/// Walks one side of a book for a notional in quote currency, best level first, and captures the
/// <see cref="LabelObservation"/> of a tick from the symbol's synced <see cref="OrderBook"/>.
/// </summary>
/// <remarks>
/// The walk takes each level whole while its notional (price × quantity) fits in what is left to fill, and the last
/// level partly: <c>VWAP = notional filled / quantity filled</c>. Slippage, in the labels, is the VWAP's distance from
/// the touch. A side holding less than the notional is walked to its end and flagged thin; an empty side has no price.
/// </remarks>
public static class BookWalk
{
    /// <summary>What is left unfilled, as a fraction of the notional, below which the walk counts as complete (rounding).</summary>
    private const double FilledTolerance = 1e-9;

    /// <summary>
    /// The observation at <paramref name="time"/>, with one fill per profile of <paramref name="profiles"/> (in order),
    /// or null when the book cannot price a trade: a side is empty or the book is crossed. Pass only a synced book;
    /// a book out of sync is no observation at all.
    /// </summary>
    public static LabelObservation? Observe(long time, OrderBook book, IReadOnlyList<ExecutionProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(profiles);
        if (book.BidLevels == 0 || book.AskLevels == 0) return null;
        var bid = book.BidPriceValues[^1];
        var ask = book.AskPriceValues[^1];
        if (ask < bid) return null;
        var fills = new BookFill[profiles.Count];
        for (var p = 0; p < fills.Length; p++)
        {
            var notional = profiles[p].NotionalQuote;
            var buy = Vwap(book.AskPriceValues, book.AskQuantityValues, notional, out var buyThin);
            var sell = Vwap(book.BidPriceValues, book.BidQuantityValues, notional, out var sellThin);
            fills[p] = new BookFill(buy, sell, buyThin || sellThin);
        }
        return new LabelObservation(time, bid, ask, fills);
    }

    /// <summary>
    /// The average price of taking <paramref name="notional"/> (quote currency) from one side, best level <b>last</b>
    /// as <see cref="OrderBook"/> stores it; NaN for an empty side.
    /// </summary>
    /// <param name="thin">The side held less than <paramref name="notional"/>; the VWAP is then over all of it.</param>
    public static double Vwap(ReadOnlySpan<double> prices, ReadOnlySpan<double> quantities, double notional, out bool thin)
    {
        if (!(notional > 0)) throw new ArgumentOutOfRangeException(nameof(notional), notional, "The notional must be positive.");
        if (prices.Length != quantities.Length) throw new ArgumentException("Prices and quantities must have the same length.", nameof(quantities));
        double remaining = notional, spent = 0, quantity = 0;
        for (var i = prices.Length - 1; i >= 0 && remaining > 0; i--)
        {
            var price = prices[i];
            var levelNotional = price * quantities[i];
            if (levelNotional >= remaining)
            {
                quantity += remaining / price;
                spent += remaining;
                remaining = 0;
                break;
            }
            quantity += quantities[i];
            spent += levelNotional;
            remaining -= levelNotional;
        }
        thin = remaining > notional * FilledTolerance;
        return quantity > 0 ? spent / quantity : double.NaN;
    }
}
