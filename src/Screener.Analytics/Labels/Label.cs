namespace Screener.Analytics.Labels;

/// <summary>
/// The label of one tick for one (profile, horizon); the formulas are on <see cref="LabelBuilder"/>. Every bps figure
/// is in basis points of the mid at the tick, and <c>NetEdgeBps = MoveBps − CostBps</c> exactly.
/// </summary>
/// <param name="Time">The tick's time (UTC ticks), the time of the observation and of the feature snapshot it labels.</param>
/// <param name="Side">The better of the long and the short trade (by net edge).</param>
/// <param name="MoveBps">Best favourable excursion of the mid within the horizon, for <paramref name="Side"/>.</param>
/// <param name="CostBps">Fees + spread + depth slippage of the round trip, for <paramref name="Side"/>.</param>
/// <param name="NetEdgeBps"><c>MoveBps − CostBps</c>.</param>
/// <param name="InPlay"><c>NetEdgeBps &gt; 0</c>; false when incomplete.</param>
/// <param name="Complete">
/// False when the data end before the horizon does, or nothing was observed within it: the bps figures are then NaN,
/// the side is <see cref="LabelSide.None"/>, and the row must not be trained on.
/// </param>
/// <param name="Thin">
/// A fill the label used (at the tick or within the horizon) could not take the whole notional: the cost is then a
/// lower bound. Training should drop or down-weight such rows.
/// </param>
public readonly record struct Label(
    long Time, LabelSide Side, double MoveBps, double CostBps, double NetEdgeBps, bool InPlay, bool Complete, bool Thin)
{
    /// <summary>An unlabelled row: the horizon is not covered by the data.</summary>
    public static Label Incomplete(long time, bool thin) => new(time, LabelSide.None, double.NaN, double.NaN, double.NaN, false, false, thin);
}
