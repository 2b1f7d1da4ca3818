namespace Screener.Contracts;

/// <summary>A symbol's predictions at one cadence time, per (profile, horizon), with the gates that apply.</summary>
/// <param name="ModelVersion">Which model (or named baseline scorer) produced the numbers.</param>
/// <param name="Gates">Named reasons this symbol may not rank (for example <c>DATA_ISSUE</c>); empty when clear.</param>
public sealed record PredictionSnapshot(
    string Symbol, long Time, string ModelVersion,
    EquatableArray<HeadPrediction> Heads, string Regime,
    EquatableArray<Attribution> Attributions, EquatableArray<string> Gates)
    : IScreenerMessage, IWithSymbol;
