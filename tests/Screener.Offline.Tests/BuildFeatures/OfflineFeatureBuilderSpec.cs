using System.Text;
using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.TestKit.Xunit2;
using Screener.Analytics.Features;
using Screener.Analytics.Scoring;
using Screener.Binance.Normalise;
using Screener.Contracts;
using Screener.Offline.BuildFeatures;
using Screener.Offline.Tests.Support;
using Screener.Pipeline;
using Screener.Pipeline.Instrumentation;
using Screener.Storage.Journal;
using Xunit.Abstractions;

namespace Screener.Offline.Tests.BuildFeatures;

/// <summary>
/// The acceptance check of offline features: a raw journal recorded from the simulator goes through the live graph
/// (journal as source, feature tap collecting) and through <see cref="OfflineFeatureBuilder"/>, and both must give the
/// same snapshots, bit for bit.
/// </summary>
public sealed class OfflineFeatureBuilderSpec(ITestOutputHelper output) : TestKit(OfflineTestConfig.Create(), output: output)
{
    private const string Shard = "s0";
    private readonly ITestOutputHelper _output = output;
    private static readonly PipelineSettings Settings = PipelineSettings.Default;

    [Fact]
    public async Task OfflineFeatureBuilder_must_build_the_same_snapshots_as_the_graph_from_the_same_simulator_journal()
    {
        var frames = SimSession.Record(new SimSessionOptions());
        var reader = await JournalOf(frames);

        var graph = await RunGraph(reader.RawFrames(Shard));
        var offline = await RunBuilder(reader.RawFrames(Shard).RunAsAsyncEnumerable(Sys.Materializer()));

        var sameGlobalOrder = SnapshotAssert.Identical(graph.Features, offline.Features);
        // The builder emits time-major (each tick's symbols in ordinal order, as the clock emits ticks). The graph's merge
        // hands symbols over in runs, so its global order interleaves symbols differently; per symbol it is the same.
        _output.WriteLine($"{graph.Features.Count} snapshots over {graph.Features.Select(s => s.Symbol).Distinct().Count()} symbols; " +
                          $"global order {(sameGlobalOrder ? "identical" : "differs, per-symbol order identical")}; " +
                          $"graph order time-major: {IsTimeMajor(graph.Features)}");
        Assert.True(IsTimeMajor(offline.Features));
        Assert.Equal(graph.Telemetry.Decode.Frames, offline.Telemetry.Decode.Frames);
        foreach (var outcome in Enum.GetValues<DecodeOutcome>()) Assert.Equal(graph.Telemetry.Decode[outcome], offline.Telemetry.Decode[outcome]);
        Assert.Equal(graph.Telemetry.Health.Snapshot(), offline.Telemetry.Health.Snapshot());
        // Symbols run concurrently in the graph, so requests of different symbols may interleave differently there.
        Assert.Equal(graph.Requests.Order(), offline.Requests.Order());

        // The journal is the session it claims to be: several symbols over a few hundred ticks, every frame kind.
        foreach (var stream in new[] { "btcusdt@depth@100ms", "ethusdt@depth@100ms", "btcusdt@bookTicker", "ethusdt@aggTrade", "btcusdt@markPrice@1s" })
            Assert.Contains(frames, f => f.Kind == RawFrameKind.WebSocket && Encoding.UTF8.GetString(f.Payload.Span).StartsWith($"{{\"stream\":\"{stream}\"", StringComparison.Ordinal));
        Assert.Equal(7, frames.Count(f => f.Kind == RawFrameKind.Rest));
        var decode = offline.Telemetry.Decode;
        Assert.Equal(1, decode[DecodeOutcome.Malformed]);
        Assert.Equal(4, decode[DecodeOutcome.Control]);
        Assert.InRange(decode.Heartbeats, 2, 5);
        var ticks = offline.Features.GroupBy(s => s.Symbol).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(["BNBUSDT", "BTCUSDT", "DOGEUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT"], ticks.Keys.Order(StringComparer.Ordinal));
        Assert.All(ticks.Values, n => Assert.InRange(n, 350, 400));
        Assert.All(offline.Features, s => Assert.Equal(MarketFeatures.Spec.Hash, s.SpecHash));
        Assert.Contains(offline.Features, s => s.Quality == DataQuality.Ok);
        Assert.Contains(offline.Features, s => s.Quality.HasFlag(DataQuality.WarmUp));
        Assert.Contains(offline.Features, s => s.Symbol == "SOLUSDT" && s.Quality.HasFlag(DataQuality.Stale));
        Assert.DoesNotContain(offline.Features, s => s.Symbol != "SOLUSDT" && s.Quality.HasFlag(DataQuality.Stale));
        // Every book syncs from its journaled REST snapshot; only the silenced symbol's chain breaks and resyncs.
        Assert.Equal([("SOLUSDT", "gap")], offline.Requests);
        Assert.Equal(1, offline.Telemetry.Health["resynced/SOLUSDT"]);
        var outOfSync = offline.Features.GroupBy(s => s.Symbol)
            .Select(g => g.SkipWhile(s => s.Quality.HasFlag(DataQuality.BookOutOfSync)).Where(s => s.Quality.HasFlag(DataQuality.BookOutOfSync)))
            .SelectMany(s => s).ToList();
        Assert.All(outOfSync, s => Assert.Equal("SOLUSDT", s.Symbol));
        Assert.InRange(outOfSync.Count, 3, 7);
    }

    [Fact]
    public async Task OfflineFeatureBuilder_must_build_identical_snapshots_from_the_same_frames_twice_and_report_progress()
    {
        var frames = SimSession.Record(new SimSessionOptions(Steps: 400));
        var progress = new List<long>();
        var builder = new OfflineFeatureBuilder(Settings, Services(), progress.Add, progressEvery: 1_000);

        var first = builder.Build(frames).ToList();
        progress.Clear();
        var second = builder.Build(frames).ToList();
        var reader = await JournalOf(frames);
        var fromJournal = await RunBuilder(reader.RawFrames(Shard).RunAsAsyncEnumerable(Sys.Materializer()));

        Assert.NotEmpty(first);
        Assert.True(IsTimeMajor(first));
        SnapshotAssert.IdenticalInOrder(first, second);
        SnapshotAssert.IdenticalInOrder(first, fromJournal.Features);
        Assert.Equal(Enumerable.Range(1, frames.Count / 1_000).Select(i => i * 1_000L).Append(frames.Count), progress);
    }

    [Fact]
    public async Task OfflineFeatureBuilder_must_show_a_mid_journal_depth_gap_and_its_resync_exactly_as_the_graph_does()
    {
        var options = new SimSessionOptions(Steps: 600, GapSymbol: "ETHUSDT", GapStep: 300, ResyncDelaySteps: 12, SilentSymbol: null);
        var reader = await JournalOf(SimSession.Record(options));

        var graph = await RunGraph(reader.RawFrames(Shard));
        var offline = await RunBuilder(reader.RawFrames(Shard).RunAsAsyncEnumerable(Sys.Materializer()));

        SnapshotAssert.Identical(graph.Features, offline.Features);
        Assert.Equal(graph.Telemetry.Health.Snapshot(), offline.Telemetry.Health.Snapshot());
        Assert.Equal([("ETHUSDT", "gap")], graph.Requests);
        Assert.Equal(graph.Requests, offline.Requests);
        foreach (var run in new[] { graph, offline })
        {
            Assert.Equal(1, run.Telemetry.Health["gap/ETHUSDT"]);
            Assert.Equal(1, run.Telemetry.Health["resynced/ETHUSDT"]);
            Assert.Equal(1, run.Telemetry.Health.Total("gap/"));
        }

        // Out of sync from the gap until the journaled resync snapshot (12 steps = 1.2 s, about 5 ticks), then in sync again.
        var eth = offline.Features.Where(s => s.Symbol == "ETHUSDT").OrderBy(s => s.Time).ToList();
        var synced = eth.FindIndex(s => !s.Quality.HasFlag(DataQuality.BookOutOfSync));
        var outOfSync = eth.Skip(synced).Where(s => s.Quality.HasFlag(DataQuality.BookOutOfSync)).ToList();
        Assert.InRange(outOfSync.Count, 3, 7);
        Assert.Equal(outOfSync.Count, outOfSync[^1].Time / Settings.Cadence.Ticks - outOfSync[0].Time / Settings.Cadence.Ticks + 1);
        Assert.False(eth[^1].Quality.HasFlag(DataQuality.BookOutOfSync));
        Assert.DoesNotContain(offline.Features, s => s.Symbol != "ETHUSDT" && s.Time >= outOfSync[0].Time && s.Quality.HasFlag(DataQuality.BookOutOfSync));
    }

    private static bool IsTimeMajor(IReadOnlyList<FeatureSnapshot> snapshots) =>
        snapshots.Zip(snapshots.Skip(1)).All(p => p.Item1.Time < p.Item2.Time
                                                  || (p.Item1.Time == p.Item2.Time && string.CompareOrdinal(p.Item1.Symbol, p.Item2.Symbol) < 0));

    private sealed record Run(List<FeatureSnapshot> Features, ScreenerTelemetry Telemetry, IReadOnlyList<(string Symbol, string Reason)> Requests);

    private async Task<JournalReader> JournalOf(IReadOnlyList<RawFrame> frames)
    {
        await Source.From(frames).RunWith(
            JournalSinks.RawFrames(Sys, Shard, 1_000, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10)), Sys.Materializer());
        return new JournalReader(Sys);
    }

    /// <summary>The live graph with the journal as its source and the feature tap collecting.</summary>
    private async Task<Run> RunGraph(Source<RawFrame, Akka.NotUsed> journal)
    {
        var features = new List<FeatureSnapshot>();
        var requests = new RecordingSnapshots();
        var services = Services(requests);
        var sinks = new ScreenerSinks(ScreenerSinks.Ignore<RawFrame>(), ScreenerSinks.Ignore<PredictionBatch>(), ScreenerSinks.Ignore<RankEvent>(), [])
        {
            Features = Sink.ForEach<FeatureSnapshot>(features.Add).MapMaterializedValue(t => (Task)t),
        };
        var handle = ScreenerGraph.Create(journal, sinks, Settings, services).Run(Sys.Materializer());
        await handle.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        return new Run(features, services.Telemetry, requests.Requests);
    }

    private static async Task<Run> RunBuilder(IAsyncEnumerable<RawFrame> journal)
    {
        var requests = new RecordingSnapshots();
        var builder = new OfflineFeatureBuilder(Settings, Services(requests));
        var features = new List<FeatureSnapshot>();
        await foreach (var snapshot in builder.BuildAsync(journal)) features.Add(snapshot);
        return new Run(features, builder.Telemetry, requests.Requests);
    }

    private static GraphServices Services(ISnapshotRequester? snapshots = null) =>
        new(new BinanceFrameDecoder(), new BaselineScorer(Settings.Scoring), MarketFeatures.Spec, new ScreenerTelemetry(),
            snapshots ?? GraphServices.NoSnapshots.Instance);
}
