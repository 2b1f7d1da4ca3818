using Screener.Contracts;
using Screener.Contracts.Market;

namespace Screener.Pipeline.Stages;

/// <summary>What a symbol substream emits on each tick.</summary>
/// <param name="RoundSize">Symbols ticked at this time, so the ranker knows when the round is complete.</param>
/// <param name="Health">Gap and stale events the symbol saw since its previous tick, in order.</param>
public sealed record SymbolOutput(FeatureSnapshot Features, PredictionSnapshot Prediction, int RoundSize, IReadOnlyList<MarketEvent> Health)
{
    public SymbolOutput(FeatureSnapshot features, PredictionSnapshot prediction, int roundSize)
        : this(features, prediction, roundSize, []) { }

    public long Time => Features.Time;
}
