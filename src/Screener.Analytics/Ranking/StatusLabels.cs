namespace Screener.Analytics.Ranking;

/// <summary>Short labels shown to users next to a symbol.</summary>
public static class StatusLabels
{
    public const string InPlay = "IN PLAY";
    public const string Hot = "HOT";
    public const string Cooling = "COOLING";
    public const string DataIssue = "DATA ISSUE";
}
