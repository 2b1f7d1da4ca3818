namespace Screener.Analytics.Ranking;

/// <summary>
/// Top-K with hysteresis: a symbol enters at <see cref="EnterScore"/> and leaves only below the lower
/// <see cref="ExitScore"/>, after at least <see cref="MinDwellRounds"/> rank rounds; a challenger replaces the
/// weakest member only when it beats it by <see cref="ReplaceMargin"/>. Scores are net edge in bps.
/// </summary>
public sealed record RankingSettings(
    int TopK = 10,
    double EnterScore = 0.0,
    double ExitScore = -2.0,
    int MinDwellRounds = 5,
    double ReplaceMargin = 2.0,
    double AlertScore = 10.0,
    int AlertCooldownRounds = 60)
{
    public RankingSettings Validate()
    {
        if (TopK < 1) throw new ArgumentException($"top-k must be at least 1, was {TopK}.");
        if (ExitScore > EnterScore) throw new ArgumentException($"exit-score ({ExitScore}) must not exceed enter-score ({EnterScore}): that is no hysteresis.");
        if (MinDwellRounds < 0 || AlertCooldownRounds < 0) throw new ArgumentException("Dwell and cooldown rounds cannot be negative.");
        if (ReplaceMargin < 0) throw new ArgumentException("replace-margin cannot be negative.");
        return this;
    }
}
