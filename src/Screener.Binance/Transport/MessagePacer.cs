using System.Diagnostics;

namespace Screener.Binance.Transport;

/// <summary>
/// Spaces outgoing control messages of one connection at least <c>interval</c> apart (monotonic clock), so the
/// connection never exceeds its incoming-message limit. Waits asynchronously; safe for concurrent callers.
/// </summary>
internal sealed class MessagePacer(TimeSpan interval)
{
    private readonly Lock _lock = new();
    private long _nextDue = long.MinValue;

    /// <summary>Waits for the next free slot and takes it.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        long due;
        lock (_lock)
        {
            var now = Stopwatch.GetTimestamp();
            due = Math.Max(now, _nextDue);
            _nextDue = due + (long)(interval.Ticks * (Stopwatch.Frequency / (double)TimeSpan.TicksPerSecond));
        }

        while (true)
        {
            var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (remaining <= TimeSpan.Zero) return;
            // Timers may fire a little early: round up and check again rather than trust one delay.
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(remaining.TotalMilliseconds)), cancellationToken).ConfigureAwait(false);
        }
    }
}
