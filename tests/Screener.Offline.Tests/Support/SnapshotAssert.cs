using Screener.Analytics.Features;
using Screener.Contracts;

namespace Screener.Offline.Tests.Support;

/// <summary>
/// Compares two runs' feature snapshots exactly: per symbol in time order, the same symbol, time, spec hash and quality,
/// and every value bit for bit (<see cref="float.Equals(float)"/> would let 0 equal -0 and any NaN equal any other).
/// </summary>
internal static class SnapshotAssert
{
    /// <summary>Asserts both runs hold identical snapshots per symbol; returns whether the global order is identical too.</summary>
    public static bool Identical(IReadOnlyList<FeatureSnapshot> expected, IReadOnlyList<FeatureSnapshot> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        var expectedBySymbol = BySymbol(expected);
        var actualBySymbol = BySymbol(actual);
        Assert.Equal(expectedBySymbol.Keys, actualBySymbol.Keys);
        foreach (var (symbol, want) in expectedBySymbol)
        {
            var got = actualBySymbol[symbol];
            Assert.True(want.Count == got.Count, $"{symbol}: {want.Count} snapshots expected, {got.Count} built");
            for (var i = 0; i < want.Count; i++) Same(want[i], got[i]);
        }
        return expected.Select(s => (s.Symbol, s.Time)).SequenceEqual(actual.Select(s => (s.Symbol, s.Time)));
    }

    /// <summary>Asserts the two sequences are identical element by element, order included.</summary>
    public static void IdenticalInOrder(IReadOnlyList<FeatureSnapshot> expected, IReadOnlyList<FeatureSnapshot> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++) Same(expected[i], actual[i]);
    }

    private static void Same(FeatureSnapshot want, FeatureSnapshot got)
    {
        var at = $"{want.Symbol} at {want.Time}";
        Assert.True(want.Symbol == got.Symbol && want.Time == got.Time, $"{at}: got {got.Symbol} at {got.Time}");
        Assert.True(want.SpecHash == got.SpecHash, $"{at}: spec hash {want.SpecHash} vs {got.SpecHash}");
        Assert.True(want.Quality == got.Quality, $"{at}: quality {want.Quality} vs {got.Quality}");
        Assert.True(want.Values.Count == got.Values.Count, $"{at}: {want.Values.Count} values vs {got.Values.Count}");
        var a = want.Values.AsSpan();
        var b = got.Values.AsSpan();
        for (var j = 0; j < a.Length; j++)
            if (BitConverter.SingleToInt32Bits(a[j]) != BitConverter.SingleToInt32Bits(b[j]))
                Assert.Fail($"{at}: feature {j} ({Name(j)}) is {a[j]:R} vs {b[j]:R}");
    }

    private static string Name(int index) =>
        index < MarketFeatures.Spec.Features.Count ? MarketFeatures.Spec.Features[index].Name : "?";

    /// <summary>Each symbol's snapshots in time order (a stable sort: equal times keep their order).</summary>
    private static SortedDictionary<string, List<FeatureSnapshot>> BySymbol(IEnumerable<FeatureSnapshot> snapshots) =>
        new(snapshots.GroupBy(s => s.Symbol).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Time).ToList()), StringComparer.Ordinal);
}
