using Screener.Contracts;

namespace Screener.Analytics.Labels;

/// <summary>
/// One symbol's book at one tick, as the labels need it: the touch and, per execution profile, the fill an aggressive
/// order of that profile's notional would get. Built from a synced book by <see cref="BookWalk.Observe"/>.
/// </summary>
/// <param name="Time">Tick time, UTC ticks (the time of the feature snapshot it labels).</param>
/// <param name="Bid">Best bid.</param>
/// <param name="Ask">Best ask.</param>
/// <param name="Fills">One per profile, in the order of the <see cref="LabelBuilder"/>'s profiles.</param>
public sealed record LabelObservation(long Time, double Bid, double Ask, EquatableArray<BookFill> Fills)
{
    public double Mid => (Bid + Ask) / 2;
}
