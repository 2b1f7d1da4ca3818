namespace Screener.Offline.Tests.Validate;

/// <summary>A screener row as validation sees it: which tick, which symbol, the model's score, the label and the realized net edge.</summary>
internal sealed record ScoredRow(long Tick, string Symbol, double Score, bool InPlay, double NetEdgeBps);
