namespace Screener.Contracts;

/// <summary>The predictions journal's event: every symbol's latest prediction at one rank time.</summary>
public sealed record PredictionBatch(long Time, EquatableArray<PredictionSnapshot> Predictions) : IScreenerMessage;
