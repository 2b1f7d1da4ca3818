using System.Collections;
using System.Collections.Concurrent;
using Screener.Contracts;

namespace Screener.Analytics.Scoring;

/// <summary>
/// Stable reason codes from a prediction's attributions: the feature's name in upper case and the direction it pushed
/// the score, <c>&lt;FEATURE&gt;_UP</c> or <c>&lt;FEATURE&gt;_DOWN</c> (for example <c>REALIZED_VOL_BPS_30S_UP</c>).
/// Feature names are fixed by the feature spec (whose hash every model checks), so a code means the same thing in
/// every run of one spec. The largest contributions by magnitude come first; ties go to the feature name, ordinal.
/// Code strings are made once per feature and reused.
/// </summary>
public static class ReasonCodes
{
    public const int DefaultCount = 3;

    private static readonly ConcurrentDictionary<string, (string Up, string Down)> Codes = new(StringComparer.Ordinal);

    public static string Of(Attribution attribution)
    {
        var codes = Codes.GetOrAdd(attribution.Feature, f => (f.ToUpperInvariant() + "_UP", f.ToUpperInvariant() + "_DOWN"));
        return attribution.Contribution >= 0 ? codes.Up : codes.Down;
    }

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

    /// <summary>
    /// The codes of <paramref name="attributions"/>, worked out on first read: a rank round builds a candidate for every
    /// symbol, but only the few that enter or alert ever show their reasons.
    /// </summary>
    public static IReadOnlyList<string> Deferred(EquatableArray<Attribution> attributions, int count = DefaultCount) =>
        attributions.Count == 0 ? [] : new DeferredCodes(attributions, count);

    private sealed class DeferredCodes(EquatableArray<Attribution> attributions, int count) : IReadOnlyList<string>
    {
        private IReadOnlyList<string>? _codes;

        private IReadOnlyList<string> Codes => _codes ??= Top(attributions, count);

        public int Count => Codes.Count;

        public string this[int index] => Codes[index];

        public IEnumerator<string> GetEnumerator() => Codes.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
