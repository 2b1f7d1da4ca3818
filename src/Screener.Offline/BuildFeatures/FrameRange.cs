namespace Screener.Offline.BuildFeatures;

/// <summary>
/// An inclusive range of raw-frame sequence numbers (<see cref="Contracts.RawFrame.Sequence"/>); a missing bound is open.
/// A node numbers its frames 1, 2, 3, … from each start, so a journal that holds several runs of a node repeats
/// numbers, and the range then selects from every run.
/// </summary>
public sealed record FrameRange(long? From = null, long? To = null)
{
    public static FrameRange All { get; } = new();

    public bool IsAll => From is null && To is null;

    public bool Contains(long sequence) => (From is not { } from || sequence >= from) && (To is not { } to || sequence <= to);

    /// <exception cref="ArgumentException">A bound is below 1, or <see cref="From"/> is past <see cref="To"/>.</exception>
    public FrameRange Validate()
    {
        if (From < 1 || To < 1) throw new ArgumentException($"Frame sequence numbers start at 1; the range {this} has a bound below that.");
        if (From > To) throw new ArgumentException($"The frame range {this} is empty: its start is past its end.");
        return this;
    }

    /// <summary><c>from..to</c>, with an open bound left empty (<c>100..</c>, <c>..500</c>, <c>..</c>).</summary>
    public override string ToString() => $"{From}..{To}";
}
