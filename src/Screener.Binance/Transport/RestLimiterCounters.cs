namespace Screener.Binance.Transport;

/// <summary>Live counters of a <see cref="RestWeightLimiter"/>, for the operator. Thread-safe.</summary>
public sealed class RestLimiterCounters
{
    private long _requests;
    private long _weight;
    private long _waits;
    private long _waitedTicks;
    private long _throttled;
    private long _banned;
    private long _breakerOpens;
    private long _refused;
    private long _lastUsedWeight = -1;

    /// <summary>Requests admitted (sent).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Sum of the weights of admitted requests.</summary>
    public long WeightUsed => Interlocked.Read(ref _weight);

    /// <summary>Requests that had to wait (for the next minute window or a Retry-After) before being sent.</summary>
    public long Waits => Interlocked.Read(ref _waits);

    /// <summary>Total time spent waiting, summed over requests.</summary>
    public TimeSpan WaitedTotal => TimeSpan.FromTicks(Interlocked.Read(ref _waitedTicks));

    /// <summary>429 responses.</summary>
    public long Throttled429 => Interlocked.Read(ref _throttled);

    /// <summary>418 responses (IP bans).</summary>
    public long Banned418 => Interlocked.Read(ref _banned);

    /// <summary>Times the circuit breaker opened.</summary>
    public long BreakerOpens => Interlocked.Read(ref _breakerOpens);

    /// <summary>Requests refused locally (breaker open or banned): nothing was sent.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>The last <c>X-MBX-USED-WEIGHT-1M</c> seen, or null.</summary>
    public int? LastUsedWeight1m => Interlocked.Read(ref _lastUsedWeight) is var w and >= 0 ? (int)w : null;

    internal void OnAdmitted(int weight)
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _weight, weight);
    }

    internal void OnWaited(TimeSpan waited)
    {
        Interlocked.Increment(ref _waits);
        Interlocked.Add(ref _waitedTicks, waited.Ticks);
    }

    internal void OnThrottled() => Interlocked.Increment(ref _throttled);

    internal void OnBanned() => Interlocked.Increment(ref _banned);

    internal void OnBreakerOpened() => Interlocked.Increment(ref _breakerOpens);

    internal void OnRefused() => Interlocked.Increment(ref _refused);

    internal void OnUsedWeight(int used) => Interlocked.Exchange(ref _lastUsedWeight, used);

    /// <inheritdoc />
    public override string ToString() =>
        $"requests={Requests} weight={WeightUsed} waits={Waits} waited={WaitedTotal.TotalSeconds:0.#}s 429={Throttled429} " +
        $"418={Banned418} breakerOpens={BreakerOpens} refused={Refused} usedWeight1m={LastUsedWeight1m}";
}
