using Screener.Contracts;

namespace Screener.Pipeline.Stages;

/// <summary>What a symbol substream emits on each tick.</summary>
/// <param name="RoundSize">Symbols ticked at this time, so the ranker knows when the round is complete.</param>
public sealed record SymbolOutput(FeatureSnapshot Features, PredictionSnapshot Prediction, int RoundSize)
{
    public long Time => Features.Time;
}
