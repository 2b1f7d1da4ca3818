namespace Screener.Analytics.Ranking;

/// <summary>
/// Where one candidate stands after a rank round: its <see cref="StatusLabels"/> label, its score and its gates
/// (empty when clear).
/// </summary>
public sealed record SymbolStatus(string Symbol, string Label, double Score, IReadOnlyList<string> Gates);
