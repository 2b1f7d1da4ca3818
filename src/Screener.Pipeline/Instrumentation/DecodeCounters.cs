using Screener.Contracts;

namespace Screener.Pipeline.Instrumentation;

/// <summary>Per-outcome counts of the parse stage: every frame lands in exactly one bucket.</summary>
public sealed class DecodeCounters
{
    private readonly long[] _byOutcome = new long[Enum.GetValues<DecodeOutcome>().Length];
    private long _heartbeats;

    public long Heartbeats => Interlocked.Read(ref _heartbeats);

    public long this[DecodeOutcome outcome] => Interlocked.Read(ref _byOutcome[(int)outcome]);

    public long Frames => Heartbeats + _byOutcome.Sum(c => Interlocked.Read(ref c));

    public void Count(DecodeOutcome outcome) => Interlocked.Increment(ref _byOutcome[(int)outcome]);

    public void Heartbeat() => Interlocked.Increment(ref _heartbeats);
}
