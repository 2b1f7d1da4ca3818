namespace Screener.Pipeline.Instrumentation;

/// <summary>
/// Live counters of one named stage, written by the stage and read by the operator surface. Fields are
/// updated with Interlocked so readers on other threads see whole values.
/// </summary>
public sealed class StageCounters(string name)
{
    private long _elements;
    private long _errors;
    private long _lastElementTicks;

    public string Name { get; } = name;

    public long Elements => Interlocked.Read(ref _elements);

    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>Event time (UTC ticks) of the last element that passed, 0 before the first.</summary>
    public long LastElementTicks => Interlocked.Read(ref _lastElementTicks);

    public void Element(long eventTicks = 0)
    {
        Interlocked.Increment(ref _elements);
        if (eventTicks != 0) Interlocked.Exchange(ref _lastElementTicks, eventTicks);
    }

    public void Error() => Interlocked.Increment(ref _errors);
}
