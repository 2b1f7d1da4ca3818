namespace Screener.Analytics.Scoring;

/// <summary>
/// How a trade is executed, for costing: fees on entry and exit in bps, and how many half-spreads it pays
/// (taker in and out: 2 half-spreads = one spread; maker in, taker out: 1 half-spread).
/// </summary>
public sealed record ExecutionProfile(string Name, double EntryFeeBps, double ExitFeeBps, int HalfSpreadsPaid)
{
    public double CostBps(double spreadBps) => EntryFeeBps + ExitFeeBps + HalfSpreadsPaid * spreadBps / 2;

    public static readonly ExecutionProfile Taker = new("taker", 5.0, 5.0, 2);

    public static readonly ExecutionProfile Maker = new("maker", 2.0, 5.0, 1);
}
