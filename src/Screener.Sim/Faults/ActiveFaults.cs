namespace Screener.Sim.Faults;

/// <summary>A fault setting together with the exchange time it was switched on, the origin of "from activation" durations.</summary>
/// <param name="Faults">The switches.</param>
/// <param name="ActivatedMs">Exchange clock (Unix ms) when they were set.</param>
internal sealed record ActiveFaults(SimFaults Faults, long ActivatedMs)
{
    /// <summary>End of the <c>rest-418</c> ban, or 0 when that fault is off.</summary>
    public long BanUntilMs => Faults.Rest418Ban > TimeSpan.Zero ? ActivatedMs + (long)Faults.Rest418Ban.TotalMilliseconds : 0;

    /// <summary>Whether <c>rest-429-storm</c> is answering at <paramref name="nowMs"/>.</summary>
    public bool IsStorming(long nowMs) =>
        Faults.Rest429Storm > TimeSpan.Zero && nowMs < ActivatedMs + (long)Faults.Rest429Storm.TotalMilliseconds;

    /// <summary>Milliseconds the <c>pause</c> fault still holds output at <paramref name="nowMs"/>, 0 outside the pause.</summary>
    public long PauseRemainingMs(long nowMs)
    {
        if (Faults.PauseFor <= TimeSpan.Zero) return 0;
        var start = ActivatedMs + (long)Faults.PauseAfter.TotalMilliseconds;
        var end = start + (long)Faults.PauseFor.TotalMilliseconds;
        return nowMs >= start && nowMs < end ? end - nowMs : 0;
    }
}
