namespace Screener.Binance.Transport;

/// <summary>Live counters of <see cref="RestPollers"/>. Thread-safe.</summary>
public sealed class RestPollerCounters
{
    private long _polls;
    private long _failures;
    private long _published;
    private long _skipped;

    /// <summary>REST calls made.</summary>
    public long Polls => Interlocked.Read(ref _polls);

    /// <summary>Calls that failed (the next poll tries again).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>REST frames pushed into connection sources.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Frames not pushed (or calls not made) because the target connection was down.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    internal void OnPoll() => Interlocked.Increment(ref _polls);

    internal void OnFailure() => Interlocked.Increment(ref _failures);

    internal void OnPublished() => Interlocked.Increment(ref _published);

    internal void OnSkipped() => Interlocked.Increment(ref _skipped);

    /// <inheritdoc />
    public override string ToString() => $"polls={Polls} failures={Failures} published={Published} skipped={Skipped}";
}
