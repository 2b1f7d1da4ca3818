using Screener.Analytics.Costs;
using Screener.Analytics.Features;
using Screener.Contracts;

namespace Screener.Analytics.Scoring;

/// <summary>
/// The gates of one snapshot, in a fixed order (data issues, then toxicity, then liquidity), so equal inputs give equal
/// gate lists:
/// <list type="bullet">
/// <item><c>DATA_ISSUE:WARM_UP</c>, <c>:STALE</c>, <c>:BOOK_OUT_OF_SYNC</c> from the snapshot's quality flags, and
/// <c>DATA_ISSUE:GAP</c> when the symbol's depth stream broke its chain since the previous tick;</item>
/// <item><c>TOXICITY:VPIN</c> when VPIN is at or above <see cref="GateSettings.MaxVpin"/>;</item>
/// <item><c>LIQUIDITY:SPREAD</c> when the spread is above <see cref="GateSettings.MaxSpreadBps"/>, and
/// <c>LIQUIDITY:DEPTH</c> when the book cannot fill some profile's notional on a side.</item>
/// </list>
/// A feature that is NaN (not yet known) opens no toxicity or liquidity gate; warm-up covers that.
/// </summary>
public static class SymbolGates
{
    private static readonly int VpinIndex = MarketFeatures.Spec.IndexOf("vpin_50");

    public static EquatableArray<string> Evaluate(FeatureSnapshot features, ReadOnlySpan<CostQuote> costs, bool gapSinceLastTick, GateSettings settings)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(settings);
        var q = features.Quality;
        var toxic = features.Values[VpinIndex] >= settings.MaxVpin;
        var wide = features.Values[MarketFeatures.SpreadBps] > settings.MaxSpreadBps;
        var thin = false;
        foreach (var c in costs) thin |= c.Thin;
        if (q == DataQuality.Ok && !gapSinceLastTick && !toxic && !wide && !thin) return EquatableArray<string>.Empty;

        var gates = new List<string>(2);
        if (q.HasFlag(DataQuality.WarmUp)) gates.Add(Gates.WarmUp);
        if (q.HasFlag(DataQuality.Stale)) gates.Add(Gates.Stale);
        if (q.HasFlag(DataQuality.BookOutOfSync)) gates.Add(Gates.BookOutOfSync);
        if (gapSinceLastTick) gates.Add(Gates.Gap);
        if (toxic) gates.Add(Gates.Vpin);
        if (wide) gates.Add(Gates.Spread);
        if (thin) gates.Add(Gates.Depth);
        return gates.ToEquatableArray();
    }
}
