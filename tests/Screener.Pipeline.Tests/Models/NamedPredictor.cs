using Screener.Analytics.Costs;
using Screener.Analytics.Scoring;
using Screener.Contracts;

namespace Screener.Pipeline.Tests.Models;

/// <summary>The baseline scorer under another model version, recording whether it was disposed.</summary>
internal sealed class NamedPredictor(string version) : IPredictor, IDisposable
{
    private readonly BaselineScorer _inner = new(ScoringSettings.Default);

    public string ModelVersion { get; } = version;

    public bool Disposed { get; private set; }

    public PredictionSnapshot Predict(FeatureSnapshot features, ReadOnlySpan<CostQuote> costs) =>
        _inner.Predict(features, costs) with { ModelVersion = ModelVersion };

    public void Dispose() => Disposed = true;
}
