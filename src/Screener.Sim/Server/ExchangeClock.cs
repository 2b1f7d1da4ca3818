using System.Diagnostics;

namespace Screener.Sim.Server;

/// <summary>The exchange's notion of now: the configured start plus monotonic elapsed time (immune to wall-clock jumps).</summary>
internal sealed class ExchangeClock
{
    private readonly long _startMs;
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();

    public ExchangeClock(long startMs) => _startMs = startMs;

    public long NowMs => _startMs + _elapsed.ElapsedMilliseconds;
}
