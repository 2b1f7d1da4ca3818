namespace Screener.Analytics.Ranking;

/// <summary>
/// Top-K with hysteresis: a symbol enters at <see cref="EnterScore"/> and leaves only below the lower
/// <see cref="ExitScore"/>, after at least <see cref="MinDwellRounds"/> rank rounds; a challenger replaces the
/// weakest member only when it beats it by <see cref="ReplaceMargin"/>. Scores are net edge in bps.
/// Against flicker whatever the scores do: a symbol that left may not enter again for
/// <see cref="ReenterCooldownRounds"/> rounds (and never in the round it left), and no symbol enters or exits more
/// than <see cref="FlipBudget"/> times in any <see cref="FlipWindowRounds"/> consecutive rounds.
/// </summary>
public sealed record RankingSettings(
    int TopK = 10,
    double EnterScore = 0.0,
    double ExitScore = -2.0,
    int MinDwellRounds = 5,
    double ReplaceMargin = 2.0,
    double AlertScore = 10.0,
    int AlertCooldownRounds = 60,
    int FlipBudget = 4,
    int FlipWindowRounds = 120,
    int ReenterCooldownRounds = 10)
{
    public RankingSettings Validate()
    {
        if (TopK < 1) throw new ArgumentException($"top-k must be at least 1, was {TopK}.");
        if (ExitScore > EnterScore) throw new ArgumentException($"exit-score ({ExitScore}) must not exceed enter-score ({EnterScore}): that is no hysteresis.");
        if (MinDwellRounds < 0 || AlertCooldownRounds < 0) throw new ArgumentException("Dwell and cooldown rounds cannot be negative.");
        if (ReplaceMargin < 0) throw new ArgumentException("replace-margin cannot be negative.");
        if (FlipBudget < 2) throw new ArgumentException($"flip-budget must be at least 2 (an entry and its exit), was {FlipBudget}.");
        if (FlipWindowRounds < 1) throw new ArgumentException($"flip-window-rounds must be at least 1, was {FlipWindowRounds}.");
        if (ReenterCooldownRounds < 0) throw new ArgumentException($"reenter-cooldown-rounds cannot be negative, was {ReenterCooldownRounds}.");
        return this;
    }
}
