namespace Screener.Analytics.Scoring;

/// <summary>
/// Profiles and horizons the scorer produces heads for, the feature cadence they scale with, the horizon scores are
/// expressed at (<see cref="ScoreAggregation"/>) and the gates' thresholds.
/// </summary>
public sealed record ScoringSettings(IReadOnlyList<ExecutionProfile> Profiles, IReadOnlyList<int> HorizonsSeconds, TimeSpan Cadence)
{
    /// <summary>The horizon, in seconds, at which symbol scores are expressed.</summary>
    public int ReferenceHorizonSeconds { get; init; } = 30;

    public GateSettings Gates { get; init; } = GateSettings.Default;

    public static ScoringSettings Default { get; } =
        new([ExecutionProfile.Taker, ExecutionProfile.Maker], [30, 120, 300], TimeSpan.FromMilliseconds(250));
}
