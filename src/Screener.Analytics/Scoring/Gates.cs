namespace Screener.Analytics.Scoring;

/// <summary>
/// Named reasons a symbol may not rank. A gate is a category, optionally followed by ':' and a detail
/// (<c>DATA_ISSUE:STALE</c>, <c>TOXICITY:VPIN</c>, <c>LIQUIDITY:SPREAD</c>); a bare category is a gate too.
/// </summary>
public static class Gates
{
    /// <summary>Warm-up, a stale stream or an out-of-sync book: the numbers cannot be trusted.</summary>
    public const string DataIssue = "DATA_ISSUE";

    /// <summary>Order flow that is likely informed against a taker (for example a high VPIN).</summary>
    public const string Toxicity = "TOXICITY";

    /// <summary>Too wide or too thin to trade at the profile's size.</summary>
    public const string Liquidity = "LIQUIDITY";

    /// <summary>The gate's category: the part before the first ':', or the whole gate when it has no detail.</summary>
    public static string Category(string gate)
    {
        var colon = gate.IndexOf(':');
        return colon < 0 ? gate : gate[..colon];
    }
}
