namespace Screener.Analytics.Scoring;

/// <summary>
/// Named reasons a symbol may not rank. A gate is written <c>CATEGORY:DETAIL</c>, for example
/// <c>DATA_ISSUE:STALE</c>: the category says what kind of problem (and the status label users see), the detail which one.
/// </summary>
public static class Gates
{
    /// <summary>Warm-up, a stale stream, a sequence gap or an out-of-sync book: the numbers cannot be trusted.</summary>
    public const string DataIssue = "DATA_ISSUE";

    /// <summary>Order flow too one-sided (informed traders on one side): a fill is likely to be adversely selected.</summary>
    public const string Toxicity = "TOXICITY";

    /// <summary>Too wide a spread, or too little depth to fill the profile's notional.</summary>
    public const string Liquidity = "LIQUIDITY";

    public const string WarmUp = DataIssue + ":WARM_UP";
    public const string Stale = DataIssue + ":STALE";
    public const string BookOutOfSync = DataIssue + ":BOOK_OUT_OF_SYNC";
    public const string Gap = DataIssue + ":GAP";
    public const string Vpin = Toxicity + ":VPIN";
    public const string Spread = Liquidity + ":SPREAD";
    public const string Depth = Liquidity + ":DEPTH";

    /// <summary>The category of a gate: the part before <c>:</c>, or the whole gate when it has no detail.</summary>
    public static string Category(string gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        var colon = gate.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? gate : gate[..colon];
    }
}
