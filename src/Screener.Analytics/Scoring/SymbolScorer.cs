using Screener.Analytics.Books;
using Screener.Analytics.Costs;
using Screener.Contracts;

namespace Screener.Analytics.Scoring;

/// <summary>
/// Scores one symbol's snapshot: prices each profile's round trip from the book (<see cref="LiveCost"/>), asks the
/// predictor, and attaches the gates (<see cref="SymbolGates"/>).
/// </summary>
public sealed class SymbolScorer(ScoringSettings settings)
{
    public ScoringSettings Settings { get; } = settings;

    /// <param name="book">The symbol's book when it is synced, else null (costs then fall back to fees and the spread feature).</param>
    /// <param name="gapSinceLastTick">The depth stream broke its chain since the previous tick.</param>
    public PredictionSnapshot Score(IPredictor predictor, FeatureSnapshot features, OrderBook? book, bool gapSinceLastTick)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        Span<CostQuote> costs = stackalloc CostQuote[Settings.Profiles.Count];
        LiveCost.Quote(book, Settings.Profiles, costs);
        var prediction = predictor.Predict(features, costs);
        var gates = SymbolGates.Evaluate(features, costs, gapSinceLastTick, Settings.Gates);
        return gates.Count == 0 ? prediction : prediction with { Gates = gates };
    }
}
