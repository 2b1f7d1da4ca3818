using Screener.Analytics.Features;
using Screener.Analytics.Scoring;
using Screener.Contracts;
using Screener.Pipeline.Instrumentation;
using Screener.Pipeline.Models;

namespace Screener.Pipeline;

/// <summary>
/// What the graph needs from outside besides its source and sinks: the exchange's frame decoder, the predictor (held
/// by a <see cref="PredictorHost"/>, which can swap it between ticks),
/// the feature spec, the counters, and the adapter's snapshot requester (a replay passes
/// <see cref="NoSnapshots"/>: its snapshots are already in the journal).
/// </summary>
public sealed record GraphServices(
    IFrameDecoder Decoder, PredictorHost Models, FeatureSpec Spec, ScreenerTelemetry Telemetry, ISnapshotRequester Snapshots)
{
    /// <summary>A graph that runs one predictor throughout.</summary>
    public GraphServices(IFrameDecoder decoder, IPredictor predictor, FeatureSpec spec, ScreenerTelemetry telemetry, ISnapshotRequester snapshots)
        : this(decoder, new PredictorHost(predictor), spec, telemetry, snapshots) { }

    /// <summary>For replays and tests: snapshot requests are recorded in the counters only.</summary>
    public sealed class NoSnapshots : ISnapshotRequester
    {
        public static readonly NoSnapshots Instance = new();

        public void RequestSnapshot(string symbol, string reason) { }
    }
}
