using Screener.Analytics.Costs;
using Screener.Contracts;

namespace Screener.Analytics.Scoring;

/// <summary>
/// Turns a symbol's features into predictions: the baseline scorer and the ONNX model implement it. Called from every
/// symbol substream at once, so implementations are thread-safe.
/// </summary>
public interface IPredictor
{
    /// <summary>Carried by every prediction, so users always know what produced a number.</summary>
    string ModelVersion { get; }

    /// <param name="costs">The live round-trip cost of each profile of the scoring settings, in order (<see cref="LiveCost"/>).</param>
    /// <returns>The heads, regime and attributions; gates are the caller's (<see cref="SymbolScorer"/>).</returns>
    PredictionSnapshot Predict(FeatureSnapshot features, ReadOnlySpan<CostQuote> costs);
}
