namespace Screener.Contracts;

/// <summary>A change in the top-K, or an alert. Numbers are final: a narrative may be added, never a number changed.</summary>
/// <param name="Rank">1-based rank at the time of the event; 0 for an exit.</param>
/// <param name="StatusLabel">Short UX label, for example <c>IN PLAY</c> or <c>COOLING</c>.</param>
public sealed record RankEvent(
    long Time, RankEventKind Kind, string Symbol, int Rank, double Score,
    string Profile, int HorizonSeconds, string ModelVersion,
    EquatableArray<string> ReasonCodes, string StatusLabel, string? Narrative = null)
    : IScreenerMessage, IWithSymbol;
