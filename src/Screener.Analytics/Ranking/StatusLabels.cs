using Screener.Analytics.Scoring;

namespace Screener.Analytics.Ranking;

/// <summary>Short labels shown to users next to a symbol.</summary>
public static class StatusLabels
{
    /// <summary>On the board, at or above the alert score.</summary>
    public const string Hot = "HOT";

    /// <summary>On the board.</summary>
    public const string InPlay = "IN PLAY";

    /// <summary>Gated <see cref="Gates.DataIssue"/>: warm-up, stale or out of sync.</summary>
    public const string DataIssue = "DATA ISSUE";

    /// <summary>Gated <see cref="Gates.Toxicity"/>.</summary>
    public const string Toxic = "TOXIC";

    /// <summary>Gated <see cref="Gates.Liquidity"/>.</summary>
    public const string Illiquid = "ILLIQUID";

    /// <summary>Off the board and not allowed back yet: it left within the re-entry cooldown.</summary>
    public const string Cooling = "COOLING";

    /// <summary>Off the board although it scores at the enter score: it has used its flip budget.</summary>
    public const string Held = "HELD";

    /// <summary>Off the board although it scores at the enter score: the board is full and it cannot replace anyone.</summary>
    public const string Watch = "WATCH";

    /// <summary>Below the enter score.</summary>
    public const string Quiet = "QUIET";

    /// <summary>
    /// The label for a gated symbol. With several gates, a data issue wins over toxicity and toxicity over
    /// liquidity: untrustworthy numbers make the other verdicts moot. Gates that are all of unknown categories read
    /// as a data issue.
    /// </summary>
    public static string ForGates(IReadOnlyList<string> gates)
    {
        var toxic = false;
        var illiquid = false;
        for (var i = 0; i < gates.Count; i++)
        {
            switch (Gates.Category(gates[i]))
            {
                case Gates.DataIssue: return DataIssue;
                case Gates.Toxicity: toxic = true; break;
                case Gates.Liquidity: illiquid = true; break;
            }
        }
        return toxic ? Toxic : illiquid ? Illiquid : DataIssue;
    }
}
