using Screener.Analytics.Books;
using Screener.Analytics.Labels;
using Screener.Analytics.Scoring;

namespace Screener.Analytics.Costs;

/// <summary>
/// Prices a round trip for each execution profile from the current book, as <see cref="LabelBuilder"/> prices the
/// labels' entry, with the exit priced from the same book (the future book is unknown): with <c>b, a</c> the touch,
/// <c>m</c> the mid and <c>B, S</c> the VWAPs of buying and selling the profile's notional by walking the book,
/// <code>
///   taker (enters and exits aggressively):  spread = (a − b) / m            slippage = ((B − a) + (b − S)) / m
///   maker (rests at the touch, exits aggressively): spread = 0 (earns a half spread in, pays one out)
///                                                   slippage = ((b − S) + (B − a)) / 2 / m   (mean of long and short)
///   fees = entry fee + exit fee                      total = fees + spread + slippage          (all ×1e4, bps)
/// </code>
/// </summary>
public static class LiveCost
{
    /// <summary>One quote per profile, in order, into <paramref name="quotes"/>; <see cref="CostQuote.Unavailable"/> without a priceable book.</summary>
    public static void Quote(OrderBook? book, IReadOnlyList<ExecutionProfile> profiles, Span<CostQuote> quotes)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        if (quotes.Length < profiles.Count) throw new ArgumentException($"Room for {quotes.Length} quotes; {profiles.Count} profiles.", nameof(quotes));
        for (var p = 0; p < profiles.Count; p++) quotes[p] = Quote(book, profiles[p]);
    }

    /// <summary>The quote of one profile; <see cref="CostQuote.Unavailable"/> when the book is missing, one-sided or crossed.</summary>
    public static CostQuote Quote(OrderBook? book, ExecutionProfile profile)
    {
        if (book is null || book.BidLevels == 0 || book.AskLevels == 0) return CostQuote.Unavailable;
        var bid = book.BidPriceValues[^1];
        var ask = book.AskPriceValues[^1];
        if (ask < bid) return CostQuote.Unavailable;
        var mid = (bid + ask) / 2;
        var buy = BookWalk.Vwap(book.AskPriceValues, book.AskQuantityValues, profile.NotionalQuote, out var buyThin);
        var sell = BookWalk.Vwap(book.BidPriceValues, book.BidQuantityValues, profile.NotionalQuote, out var sellThin);
        var walk = (buy - ask) + (bid - sell);
        var fees = profile.EntryFeeBps + profile.ExitFeeBps;
        return profile.EntersPassively
            ? new CostQuote(fees, 0, walk / 2 / mid * 1e4, buyThin || sellThin)
            : new CostQuote(fees, (ask - bid) / mid * 1e4, walk / mid * 1e4, buyThin || sellThin);
    }
}
