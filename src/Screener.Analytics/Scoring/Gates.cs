namespace Screener.Analytics.Scoring;

/// <summary>Named reasons a symbol may not rank.</summary>
public static class Gates
{
    /// <summary>Warm-up, a stale stream or an out-of-sync book: the numbers cannot be trusted.</summary>
    public const string DataIssue = "DATA_ISSUE";
}
