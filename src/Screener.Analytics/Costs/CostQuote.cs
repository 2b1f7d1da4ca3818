namespace Screener.Analytics.Costs;

/// <summary>
/// The round-trip cost of one execution profile's trade, priced from the book now, in bps of the mid: fees, the
/// spread paid, and slippage (how far walking the book for the profile's notional lands beyond the touch).
/// <see cref="LiveCost"/> builds it the way the training labels price entry and exit, so a model's net edge and this
/// cost share one definition.
/// </summary>
/// <param name="Thin">The book could not fill the notional on a side; the slippage then understates the cost.</param>
public readonly record struct CostQuote(double FeesBps, double SpreadBps, double SlippageBps, bool Thin)
{
    public double TotalBps => FeesBps + SpreadBps + SlippageBps;

    /// <summary>No book to price from (out of sync, one side empty, or crossed): every figure is NaN.</summary>
    public static CostQuote Unavailable { get; } = new(double.NaN, double.NaN, double.NaN, false);

    public bool IsAvailable => !double.IsNaN(FeesBps);
}
