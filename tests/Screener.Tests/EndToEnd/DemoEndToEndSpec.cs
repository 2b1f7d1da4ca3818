using System.Text;
using Akka.Streams;
using Akka.Streams.Dsl;
using Screener.Analytics.Features;
using Screener.Analytics.Models;
using Screener.Analytics.Scoring;
using Screener.Binance.Normalise;
using Screener.Configuration;
using Screener.Contracts;
using Screener.Contracts.Serialization;
using Screener.Offline.BuildFeatures;
using Screener.Pipeline;
using Screener.Pipeline.Instrumentation;
using Screener.Storage.Journal;

namespace Screener.Tests.EndToEnd;

[Collection(NodeCollection.Name)]
public sealed class DemoEndToEndSpec(DemoRunFixture demo) : IClassFixture<DemoRunFixture>
{
    [Fact]
    public async Task Demo_must_journal_rank_events_readable_back_through_persistence_query_after_a_20_second_run()
    {
        Assert.Equal(0, demo.ExitCode);
        var (ranks, predictions, stats) = await JournalFixture.ReadAsync(demo.Db, async reader => (
            await reader.ReadAllAsync<RankEvent>(JournalSinks.RanksId),
            await reader.ReadAllAsync<PredictionBatch>(JournalSinks.PredictionsId),
            await reader.StatsAsync()));

        Assert.NotEmpty(ranks);
        Assert.Contains(ranks, r => r.Kind == RankEventKind.SymbolEnter);
        var shipped = ModelManifestFile.Read(Path.Combine(AppContext.BaseDirectory, "models", ModelManifestFile.ManifestName)).ModelVersion;
        Assert.All(ranks, r => Assert.Equal(shipped, r.ModelVersion));
        Assert.All(predictions.SelectMany(b => b.Predictions), p => Assert.Equal(shipped, p.ModelVersion));
        Assert.All(ranks.Where(r => r.Kind == RankEventKind.SymbolEnter), r => Assert.InRange(r.Rank, 1, 5));
        Assert.Equal(ranks.OrderBy(r => r.Time).Select(r => r.Time), ranks.Select(r => r.Time));

        // One prediction batch per 1 s rank round once the clock runs; every symbol of the simulator in each.
        Assert.InRange(predictions.Count, 12, 21);
        Assert.All(predictions, p => Assert.Equal(12, p.Predictions.Count));

        var raw = Assert.Single(stats, s => s.PersistenceId == JournalSinks.RawId("s0"));
        Assert.True(raw.Frames > 1_000, $"expected the raw journal to hold the session's frames, got {raw.Frames}");
        Assert.Equal(raw.Events, raw.Tags[JournalSinks.RawTag]);
    }

    [Fact]
    public async Task Demo_journal_must_replay_through_the_same_graph_to_the_same_rank_events_and_predictions_byte_for_byte()
    {
        Assert.Equal(0, demo.ExitCode);
        var (live, replayed) = await JournalFixture.WithSystemAsync(demo.Db, async (system, reader) =>
        {
            var live = (await reader.ReadAllAsync<RankEvent>(JournalSinks.RanksId)).Cast<IScreenerMessage>()
                .Concat(await reader.ReadAllAsync<PredictionBatch>(JournalSinks.PredictionsId)).ToList();

            var config = HoconFiles.Load("dev", "sqlite", DemoRunFixture.Overrides);
            var settings = SettingsReader.Pipeline(config);
            var spec = MarketFeatures.Spec;
            var ranks = new List<IScreenerMessage>();
            var predictions = new List<IScreenerMessage>();
            var sinks = new ScreenerSinks(ScreenerSinks.Ignore<RawFrame>(),
                Sink.ForEach<PredictionBatch>(predictions.Add).MapMaterializedValue(t => (Task)t),
                Sink.ForEach<RankEvent>(ranks.Add).MapMaterializedValue(t => (Task)t), []);
            using var model = OnnxPredictor.Load(Path.Combine(AppContext.BaseDirectory, "models"), spec, settings.Scoring);
            var services = new GraphServices(new BinanceFrameDecoder(), model, spec, new ScreenerTelemetry(), GraphServices.NoSnapshots.Instance);
            var handle = ScreenerGraph.Create(reader.RawFrames("s0"), sinks, settings, services).Run(system.Materializer());
            await handle.Completion.WaitAsync(TimeSpan.FromSeconds(60));
            return (live, ranks.Concat(predictions).ToList());
        });

        Assert.NotEmpty(live);
        Assert.Equal(Text(live), Text(replayed));
    }

    [Fact]
    public async Task Demo_journal_must_build_the_same_feature_snapshots_offline_as_the_graph_replaying_it()
    {
        Assert.Equal(0, demo.ExitCode);
        var (graph, offline) = await JournalFixture.WithSystemAsync(demo.Db, async (system, reader) =>
        {
            var settings = SettingsReader.Pipeline(HoconFiles.Load("dev", "sqlite", DemoRunFixture.Overrides));
            var graph = new List<FeatureSnapshot>();
            var sinks = new ScreenerSinks(ScreenerSinks.Ignore<RawFrame>(), ScreenerSinks.Ignore<PredictionBatch>(), ScreenerSinks.Ignore<RankEvent>(), [])
            {
                Features = Sink.ForEach<FeatureSnapshot>(graph.Add).MapMaterializedValue(t => (Task)t),
            };
            var services = new GraphServices(new BinanceFrameDecoder(), new BaselineScorer(settings.Scoring), MarketFeatures.Spec,
                new ScreenerTelemetry(), GraphServices.NoSnapshots.Instance);
            await ScreenerGraph.Create(reader.RawFrames("s0"), sinks, settings, services).Run(system.Materializer()).Completion.WaitAsync(TimeSpan.FromSeconds(60));

            var builder = new OfflineFeatureBuilder(settings,
                OfflineFeatureBuilder.OfflineServices(new BinanceFrameDecoder(), new BaselineScorer(settings.Scoring), MarketFeatures.Spec));
            var offline = new List<FeatureSnapshot>();
            await foreach (var snapshot in builder.BuildAsync(reader.RawFrames("s0").RunAsAsyncEnumerable(system.Materializer()))) offline.Add(snapshot);
            return (graph, offline);
        });

        // The live-recorded session (real sockets, REST snapshots, heartbeats): every symbol's snapshots, byte for byte.
        Assert.True(graph.Count >= 12 * 40, $"expected the 20 s demo to hold at least 40 ticks of 12 symbols, got {graph.Count} snapshots");
        Assert.Equal(Text(PerSymbol(graph)), Text(PerSymbol(offline)));
    }

    private static IEnumerable<FeatureSnapshot> PerSymbol(IEnumerable<FeatureSnapshot> snapshots) =>
        snapshots.OrderBy(s => s.Symbol, StringComparer.Ordinal).ThenBy(s => s.Time);

    private static List<string> Text(IEnumerable<IScreenerMessage> messages) =>
        messages.Select(m => Encoding.UTF8.GetString(ContractSerializer.ToJson(m))).ToList();
}
