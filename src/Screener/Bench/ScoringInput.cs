using Screener.Analytics.Books;
using Screener.Contracts;

namespace Screener.Bench;

/// <summary>One symbol's tick as the scorer sees it: the snapshot and the synced book its costs are priced from.</summary>
public sealed record ScoringInput(FeatureSnapshot Features, OrderBook Book);
