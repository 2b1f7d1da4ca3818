namespace Screener.Analytics.Scoring;

/// <summary>
/// How a trade is executed, for costing: fees on entry and exit in bps, how many half-spreads it pays
/// (taker in and out: 2 half-spreads = one spread; maker in, taker out: 1 half-spread), and the size of a trade in
/// quote currency, which the offline labels walk the recorded book for (<see cref="Labels.LabelBuilder"/>).
/// </summary>
/// <param name="NotionalQuote">Trade size in quote currency (USDT for USDT-margined perpetuals); must be positive.</param>
public sealed record ExecutionProfile(
    string Name, double EntryFeeBps, double ExitFeeBps, int HalfSpreadsPaid, double NotionalQuote = ExecutionProfile.DefaultNotionalQuote)
{
    /// <summary>The trade size when none is configured: 10,000 quote.</summary>
    public const double DefaultNotionalQuote = 10_000;

    public double CostBps(double spreadBps) => EntryFeeBps + ExitFeeBps + HalfSpreadsPaid * spreadBps / 2;

    /// <summary>
    /// True when the entry rests at the near touch instead of crossing the spread. Every profile exits aggressively
    /// (ARCHITECTURE section 3), paying one half-spread out; a profile that pays fewer than two half-spreads a round
    /// trip therefore pays none on the way in, so it enters passively.
    /// </summary>
    public bool EntersPassively => HalfSpreadsPaid < 2;

    public static readonly ExecutionProfile Taker = new("taker", 5.0, 5.0, 2);

    public static readonly ExecutionProfile Maker = new("maker", 2.0, 5.0, 1);
}
