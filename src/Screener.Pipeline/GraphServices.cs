using Screener.Analytics.Features;
using Screener.Analytics.Scoring;
using Screener.Contracts;
using Screener.Pipeline.Instrumentation;

namespace Screener.Pipeline;

/// <summary>
/// What the graph needs from outside besides its source and sinks: the exchange's frame decoder, the predictor,
/// the feature spec, the counters, and the adapter's snapshot requester (a replay passes
/// <see cref="NoSnapshots"/>: its snapshots are already in the journal).
/// </summary>
public sealed record GraphServices(
    IFrameDecoder Decoder, IPredictor Predictor, FeatureSpec Spec, ScreenerTelemetry Telemetry, ISnapshotRequester Snapshots)
{
    /// <summary>For replays and tests: snapshot requests are recorded in the counters only.</summary>
    public sealed class NoSnapshots : ISnapshotRequester
    {
        public static readonly NoSnapshots Instance = new();

        public void RequestSnapshot(string symbol, string reason) { }
    }
}
