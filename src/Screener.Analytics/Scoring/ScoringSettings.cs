namespace Screener.Analytics.Scoring;

/// <summary>Profiles and horizons the scorer produces heads for, and the feature cadence they scale with.</summary>
public sealed record ScoringSettings(IReadOnlyList<ExecutionProfile> Profiles, IReadOnlyList<int> HorizonsSeconds, TimeSpan Cadence)
{
    public static ScoringSettings Default { get; } =
        new([ExecutionProfile.Taker, ExecutionProfile.Maker], [30, 120, 300], TimeSpan.FromMilliseconds(250));
}
