namespace Screener.Contracts.Time;

/// <summary>Wall clock, for the edges of a live node only.</summary>
public sealed class SystemClock : IClock
{
    public static readonly SystemClock Instance = new();

    private SystemClock() { }

    public long UtcNowTicks => DateTime.UtcNow.Ticks;
}
