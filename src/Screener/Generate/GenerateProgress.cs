namespace Screener.Generate;

/// <summary>How far a generation has got.</summary>
/// <param name="SimulatedMs">Simulated time recorded so far.</param>
/// <param name="TotalMs">Simulated time to record.</param>
/// <param name="Frames">Frames handed to the journal so far.</param>
/// <param name="Elapsed">Wall time since the start.</param>
public sealed record GenerateProgress(long SimulatedMs, long TotalMs, long Frames, TimeSpan Elapsed)
{
    public double SimulatedHours => SimulatedMs / 3_600_000.0;

    /// <summary>Simulated hours per wall minute so far.</summary>
    public double HoursPerWallMinute => Elapsed > TimeSpan.Zero ? SimulatedHours / Elapsed.TotalMinutes : 0;
}
