using Screener.Contracts;

namespace Screener.Analytics.Scoring;

/// <summary>
/// Stable reason codes from a prediction's attributions: the feature's name in upper case and the direction it pushed
/// the score, <c>&lt;FEATURE&gt;_UP</c> or <c>&lt;FEATURE&gt;_DOWN</c> (for example <c>REALIZED_VOL_BPS_30S_UP</c>).
/// Feature names are fixed by the feature spec (whose hash every model checks), so a code means the same thing in
/// every run of one spec. The largest contributions by magnitude come first; ties go to the feature name, ordinal.
/// </summary>
public static class ReasonCodes
{
    public const int DefaultCount = 3;

    public static string Of(Attribution attribution) =>
        attribution.Feature.ToUpperInvariant() + (attribution.Contribution >= 0 ? "_UP" : "_DOWN");

    public static IReadOnlyList<string> Top(EquatableArray<Attribution> attributions, int count = DefaultCount)
    {
        var ordered = attributions.ToArray();
        Array.Sort(ordered, (a, b) =>
        {
            var byMagnitude = Math.Abs(b.Contribution).CompareTo(Math.Abs(a.Contribution));
            return byMagnitude != 0 ? byMagnitude : string.CompareOrdinal(a.Feature, b.Feature);
        });
        var codes = new string[Math.Min(count, ordered.Length)];
        for (var i = 0; i < codes.Length; i++) codes[i] = Of(ordered[i]);
        return codes;
    }
}
