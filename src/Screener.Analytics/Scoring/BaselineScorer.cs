using Screener.Analytics.Costs;
using Screener.Analytics.Features;
using Screener.Contracts;

namespace Screener.Analytics.Scoring;

/// <summary>
/// The explicit baseline used until a trained model is installed: a volatility-and-flow heuristic, not a model.
/// Volatility per √second from the 30-s and 5-min realized volatilities (rv_W / √W), then per (profile, horizon h in s):
/// <code>
///   zVol   = (vol_30s - vol_5m) / max(vol_5m, 0.1)
///   move   = vol_30s * sqrt(h) * (1 + 0.5 * max(0, zVol) + |trade_imbalance_30s|)
///   cost   = the profile's live round-trip cost from the book (<see cref="LiveCost"/>), or without a book
///            entry fee + exit fee + half-spreads paid * spread / 2
///   net    = move - cost
///   P      = 1 / (1 + exp(-net / max(cost, 1)))     (a squashing of net edge, NOT a calibrated probability)
/// </code>
/// Every prediction carries <see cref="ModelVersion"/> so nothing downstream mistakes it for a trained model.
/// </summary>
public sealed class BaselineScorer : IPredictor
{
    public const string ModelVersion = "baseline-volflow-v1";

    private readonly ScoringSettings _settings;

    public BaselineScorer(ScoringSettings settings) => _settings = settings;

    string IPredictor.ModelVersion => ModelVersion;

    public PredictionSnapshot Predict(FeatureSnapshot features, ReadOnlySpan<CostQuote> costs)
    {
        var v = features.Values;
        var spread = v[MarketFeatures.SpreadBps];
        var volShort = v[MarketFeatures.RealizedVolBps[MarketFeatures.W30s]] / Math.Sqrt(30);
        var volLong = v[MarketFeatures.RealizedVolBps[MarketFeatures.W5m]] / Math.Sqrt(300);
        var imbalance = Math.Abs(v[MarketFeatures.TradeImbalance[MarketFeatures.W30s]]);
        var zVol = (volShort - volLong) / Math.Max(volLong, 0.1);
        var boost = 1 + 0.5 * Math.Max(0, zVol) + imbalance;

        var heads = new List<HeadPrediction>(_settings.Profiles.Count * _settings.HorizonsSeconds.Count);
        for (var p = 0; p < _settings.Profiles.Count; p++)
        foreach (var horizon in _settings.HorizonsSeconds)
        {
            var profile = _settings.Profiles[p];
            var move = volShort * Math.Sqrt(horizon) * boost;
            var cost = p < costs.Length && costs[p].IsAvailable ? costs[p].TotalBps : profile.CostBps(spread);
            var net = move - cost;
            var probability = 1 / (1 + Math.Exp(-net / Math.Max(cost, 1)));
            heads.Add(new HeadPrediction(profile.Name, horizon, probability, move, cost, net));
        }

        Attribution[] attributions =
        [
            new("realized_vol_bps_30s", volShort),
            new("vol_surge", 0.5 * Math.Max(0, zVol)),
            new("trade_imbalance_30s", imbalance),
            new("spread_bps", -spread),
        ];
        return new PredictionSnapshot(features.Symbol, features.Time, ModelVersion, heads.ToArray(), "unclassified", attributions, EquatableArray<string>.Empty);
    }
}
