using Screener.Contracts.Time;

namespace Screener.Binance.Tests;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(long startTicks) : IClock
{
    private long _ticks = startTicks;

    public long UtcNowTicks => Interlocked.Read(ref _ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
