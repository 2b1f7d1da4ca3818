namespace Screener.Sim.Market.Episodes;

/// <summary>
/// Planted in-play episodes (off unless set on <see cref="SimMarketSettings.Episodes"/>). A symbol that has been idle
/// long enough starts an episode at random: tens of seconds of measurable precursors, then, with the episode's true
/// probability, a large directional move over the next minutes, or else a fizzle. <see cref="InPlayEpisode"/> is the
/// recorded truth; the model of each phase is described on <see cref="EpisodeTrack"/>.
/// </summary>
public sealed record EpisodeSettings
{
    /// <summary>Default rate of <c>screener sim --generate</c>.</summary>
    public const double DefaultRatePerSymbolHour = 4;

    /// <summary>
    /// Episodes per symbol per hour of idle time: once a symbol is idle (after <see cref="WarmUp"/> at the start, after
    /// <see cref="Cooldown"/> behind an episode), its next precursor starts after an exponential wait of mean
    /// 1/rate hours. With the default cooldown, 4 per idle hour give about 2.6 episodes per symbol per simulated hour.
    /// </summary>
    public double RatePerSymbolHour { get; init; } = DefaultRatePerSymbolHour;

    /// <summary>No precursor starts earlier than this after the market's start (the features' 5 min windows fill first).</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Quiet time after an episode ends before the symbol can start the next one (horizons up to 5 min stay clean).</summary>
    public TimeSpan Cooldown { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Throws on a value that would make the episode model meaningless.</summary>
    public void Validate()
    {
        if (!(RatePerSymbolHour > 0 && RatePerSymbolHour <= 3600))
            throw new ArgumentOutOfRangeException(nameof(RatePerSymbolHour), RatePerSymbolHour, "Must be within (0, 3600] episodes per symbol-hour.");
        if (WarmUp < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(WarmUp), WarmUp, "Must not be negative.");
        if (Cooldown < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(Cooldown), Cooldown, "Must not be negative.");
    }
}
