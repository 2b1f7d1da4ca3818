using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.TestKit.Xunit2;
using Screener.Analytics.Features;
using Screener.Analytics.Scoring;
using Screener.Binance.Normalise;
using Screener.Contracts;
using Screener.Offline.Record;
using Screener.Offline.Tests.Support;
using Screener.Pipeline;
using Screener.Pipeline.Instrumentation;
using Screener.Storage.Journal;
using Xunit.Abstractions;

namespace Screener.Offline.Tests.Record;

/// <summary>
/// The recording graph against a real SQLite raw journal: it must journal what the node's graph journals from the same
/// source, and ask the adapter for the same snapshots, without features or ranking.
/// </summary>
public sealed class RecordGraphSpec(ITestOutputHelper output) : TestKit(OfflineTestConfig.Create(), output: output)
{
    private static readonly PipelineSettings Settings = PipelineSettings.Default;

    [Fact]
    public async Task RecordGraph_must_journal_every_frame_in_order_and_ask_for_the_snapshots_the_node_graph_asks_for()
    {
        var frames = SimSession.Record(new SimSessionOptions(Steps: 600, GapSymbol: "ETHUSDT", GapStep: 300, SilentSymbol: "SOLUSDT"));
        var recorder = new RecordingSnapshots();
        var telemetry = new ScreenerTelemetry();

        var handle = RecordGraph.Create(Source.From(frames), Journal("rec"), new BinanceFrameDecoder(), recorder, telemetry, Settings.MaxSymbols)
            .Run(Sys.Materializer());
        await handle.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        var node = await NodeGraphRequests(frames);

        var journaled = await new JournalReader(Sys).RawFrames("rec").RunWith(Sink.Seq<RawFrame>(), Sys.Materializer());
        Assert.Equal(frames, journaled);
        Assert.Equal(frames.Count, telemetry.Stages.For(RecordGraph.JournalStage).Elements);
        // Symbols run concurrently in both graphs, so requests of different symbols may interleave differently.
        Assert.Equal(node.Order(), recorder.Requests.Order());
        Assert.Equal([("ETHUSDT", "gap"), ("SOLUSDT", "gap")], recorder.Requests.Order());
        Assert.Equal(1, telemetry.Health["resynced/ETHUSDT"]);
        Assert.Equal(frames.Count, telemetry.Decode.Frames);
    }

    [Fact]
    public async Task RecordGraph_must_journal_everything_it_took_in_before_completing_when_stopped()
    {
        var frames = SimSession.Record(new SimSessionOptions(Steps: 200));
        var telemetry = new ScreenerTelemetry();
        var endless = Source.From(frames).Concat(Source.Never<RawFrame>());

        var handle = RecordGraph.Create(endless, Journal("stop"), new BinanceFrameDecoder(), GraphServices.NoSnapshots.Instance, telemetry, Settings.MaxSymbols)
            .Run(Sys.Materializer());
        await AwaitConditionAsync(() => Task.FromResult(telemetry.Stages.For(RecordGraph.JournalStage).Elements == frames.Count), TimeSpan.FromSeconds(20));
        Assert.False(handle.Completion.IsCompleted);
        await handle.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var journaled = await new JournalReader(Sys).RawFrames("stop").RunWith(Sink.Seq<RawFrame>(), Sys.Materializer());
        Assert.Equal(frames, journaled);
    }

    private Sink<RawFrame, Task> Journal(string shard) =>
        JournalSinks.RawFrames(Sys, shard, 1_000, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10));

    /// <summary>The snapshots the node's whole graph asks for over the same frames.</summary>
    private async Task<IReadOnlyList<(string Symbol, string Reason)>> NodeGraphRequests(IReadOnlyList<RawFrame> frames)
    {
        var requests = new RecordingSnapshots();
        var services = new GraphServices(new BinanceFrameDecoder(), new BaselineScorer(Settings.Scoring), MarketFeatures.Spec, new ScreenerTelemetry(), requests);
        var sinks = new ScreenerSinks(ScreenerSinks.Ignore<RawFrame>(), ScreenerSinks.Ignore<PredictionBatch>(), ScreenerSinks.Ignore<RankEvent>(), []);
        await ScreenerGraph.Create(Source.From(frames), sinks, Settings, services).Run(Sys.Materializer()).Completion.WaitAsync(TimeSpan.FromSeconds(30));
        return requests.Requests;
    }
}
