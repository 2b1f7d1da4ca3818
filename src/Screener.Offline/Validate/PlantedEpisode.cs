namespace Screener.Offline.Validate;

/// <summary>
/// One in-play episode a simulator planted, as the oracle needs it: the symbol, when the precursors began, when the move
/// (or the fizzle) started and ended, the true probability that the move follows, and whether it did. Times are UTC
/// ticks.
/// </summary>
public sealed record PlantedEpisode(string Symbol, long PrecursorStart, long Onset, long End, double Probability, bool Fired);
