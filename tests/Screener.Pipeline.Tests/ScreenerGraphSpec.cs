using System.Text;
using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.TestKit.Xunit2;
using Screener.Analytics.Features;
using Screener.Analytics.Scoring;
using Screener.Contracts;
using Screener.Contracts.Market;
using Screener.Contracts.Serialization;
using Screener.Pipeline.Instrumentation;
using Screener.Pipeline.Models;
using Screener.Pipeline.Tests.Models;
using Screener.Pipeline.Stages;
using static Screener.Pipeline.Tests.TestEvents;

namespace Screener.Pipeline.Tests;

public sealed class ScreenerGraphSpec() : TestKit("akka.stream.materializer.debug.fuzzing-mode = on")
{
    [Fact]
    public async Task ScreenerGraph_must_reproduce_the_same_predictions_and_rank_events_byte_for_byte_on_replay()
    {
        var frames = Script();

        var first = await Run(frames);
        var second = await Run(frames);

        Assert.NotEmpty(first.Ranks);
        Assert.Contains(first.Ranks, e => e.Kind == RankEventKind.SymbolEnter);
        Assert.Equal([1_000, 2_000, 3_000, 4_000, 5_000], first.Predictions.Select(p => (int)((p.Time - Origin) / TimeSpan.TicksPerMillisecond)));
        Assert.Equal(Bytes(first.Ranks), Bytes(second.Ranks));
        Assert.Equal(Bytes(first.Predictions), Bytes(second.Predictions));
        Assert.Equal(frames.Count, first.Raw.Count);
    }

    [Fact]
    public async Task ScreenerGraph_must_count_and_drop_a_bad_frame_and_keep_going()
    {
        var frames = Script().ToList();
        frames.Insert(10, new RawFrame("test", 0, frames[9].TsInit, RawFrameKind.WebSocket, Encoding.UTF8.GetBytes("{\"kind\":\"trade\",\"pri")));
        var telemetry = new ScreenerTelemetry();

        var result = await Run(frames, telemetry);

        Assert.Equal(1, telemetry.Decode[DecodeOutcome.Malformed]);
        Assert.Equal(frames.Count - 1, telemetry.Decode[DecodeOutcome.Events]);
        Assert.NotEmpty(result.Ranks);
    }

    [Fact]
    public async Task ScreenerGraph_must_deliver_every_round_to_a_notifier_or_drop_the_oldest_when_it_is_slow()
    {
        var frames = Script();
        var received = new List<RankingOutput>();
        var notifier = Flow.Create<RankingOutput>().Throttle(1, TimeSpan.FromMilliseconds(20), 1, ThrottleMode.Shaping)
            .To(Sink.ForEach<RankingOutput>(o => { lock (received) received.Add(o); }));

        var result = await Run(frames, notifiers: [notifier]);
        await AwaitConditionAsync(() => Task.FromResult(received.Count > 0), TimeSpan.FromSeconds(5));

        Assert.True(received.Count <= result.Predictions.Count);
        lock (received) Assert.Equal(received.OrderBy(o => o.Time).Select(o => o.Time), received.Select(o => o.Time));
    }

    [Fact]
    public async Task ScreenerGraph_must_tap_one_feature_snapshot_per_symbol_and_tick_and_leave_its_other_outputs_unchanged()
    {
        var frames = Script();
        var features = new List<FeatureSnapshot>();

        var untapped = await Run(frames);
        var tapped = await Run(frames, features: features);

        Assert.Equal(Bytes(untapped.Ranks), Bytes(tapped.Ranks));
        Assert.Equal(Bytes(untapped.Predictions), Bytes(tapped.Predictions));
        var bySymbol = features.GroupBy(f => f.Symbol).ToDictionary(g => g.Key, g => g.Select(f => f.Time).ToList());
        Assert.Equal(["AAAUSDT", "BBBUSDT", "CCCUSDT"], bySymbol.Keys.Order(StringComparer.Ordinal));
        Assert.All(bySymbol.Values, times => Assert.Equal(times.Order().Distinct(), times));
        Assert.Equal(bySymbol["AAAUSDT"], bySymbol["CCCUSDT"]);
        Assert.All(features, f => Assert.Equal(MarketFeatures.Spec.Hash, f.SpecHash));
        // Every ranked prediction was computed from a tapped snapshot of the same symbol and time.
        var tappedKeys = features.Select(f => (f.Symbol, f.Time)).ToHashSet();
        Assert.All(tapped.Predictions.SelectMany(b => b.Predictions), p => Assert.Contains((p.Symbol, p.Time), tappedKeys));
    }

    [Fact]
    public async Task ScreenerGraph_must_switch_models_between_ticks_without_stopping_and_journal_the_switch()
    {
        var frames = Script();
        var half = frames.Count / 2;
        var lastOld = ((MarketEvent)ContractSerializer.Deserialize(frames[half - 1].Payload.Span, ContractSerializer.MarketEventV1)).TsEvent;
        PredictorHost? live = null;
        // The new model is offered while the graph runs: once the first half of the frames has been ranked, before the second half flows.
        var run = await SwapRun((host, ranked) =>
        {
            live = host;
            return Source.From(frames.Take(half)).Concat(Source.FromTask(ranked.ContinueWith(_ => 0, TaskScheduler.Default)).SelectMany(_ =>
            {
                host.Offer(new NamedPredictor("model-b"));
                return frames.Skip(half);
            }));
        });

        var swap = Assert.Single(run.Switches);
        Assert.Equal(("model-a", "model-b"), (swap.FromVersion, swap.ToVersion));
        Assert.Equal(0, (swap.Time - Origin) % Settings().Cadence.Ticks);
        Assert.InRange(swap.Time, Origin, lastOld + Settings().Cadence.Ticks);
        var all = run.Predictions.SelectMany(b => b.Predictions).ToList();
        Assert.All(all, p => Assert.Equal(p.Time < swap.Time ? "model-a" : "model-b", p.ModelVersion));
        Assert.Contains(all, p => p.ModelVersion == "model-a");
        Assert.Contains(all, p => p.ModelVersion == "model-b");
        Assert.True(run.Old.Disposed);
        Assert.Equal("model-b", live!.Current.ModelVersion);

        // A replay told of the journaled switch reproduces the session byte for byte.
        var replay = await SwapRun((host, _) =>
        {
            host.Offer(new NamedPredictor("model-b"));
            host.Schedule(swap.Time);
            return Source.From(frames);
        });
        Assert.Equal(run.Switches, replay.Switches);
        Assert.Equal(Bytes(run.Predictions), Bytes(replay.Predictions));
    }

    private async Task<(List<PredictionBatch> Predictions, List<ModelSwitch> Switches, NamedPredictor Old)> SwapRun(
        Func<PredictorHost, Task, Source<RawFrame, Akka.NotUsed>> source)
    {
        var old = new NamedPredictor("model-a");
        var host = new PredictorHost(old);
        var (predictions, switches) = (new List<PredictionBatch>(), new List<ModelSwitch>());
        var secondRound = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var collect = Sink.ForEach<PredictionBatch>(b =>
        {
            predictions.Add(b);
            if (b.Time >= Origin + 2 * TimeSpan.TicksPerSecond) secondRound.TrySetResult();
        }).MapMaterializedValue(t => (Task)t);
        var sinks = new ScreenerSinks(ScreenerSinks.Ignore<RawFrame>(), collect, ScreenerSinks.Ignore<RankEvent>(), [])
            { Models = Collect(switches) };
        var services = new GraphServices(new CanonicalEventDecoder(), host, MarketFeatures.Spec, new ScreenerTelemetry(), GraphServices.NoSnapshots.Instance);
        var handle = ScreenerGraph.Create(source(host, secondRound.Task), sinks, Settings(), services).Run(Sys.Materializer());
        await handle.Completion.WaitAsync(TimeSpan.FromSeconds(20));
        return (predictions, switches, old);
    }

    private async Task<(List<RawFrame> Raw, List<PredictionBatch> Predictions, List<RankEvent> Ranks)> Run(
        IReadOnlyList<RawFrame> frames, ScreenerTelemetry? telemetry = null, IReadOnlyList<Sink<RankingOutput, Akka.NotUsed>>? notifiers = null,
        List<FeatureSnapshot>? features = null)
    {
        var raw = new List<RawFrame>();
        var predictions = new List<PredictionBatch>();
        var ranks = new List<RankEvent>();
        var settings = Settings();
        var spec = MarketFeatures.Spec;
        var sinks = new ScreenerSinks(
            Collect(raw), Collect(predictions), Collect(ranks), notifiers ?? []);
        if (features is not null) sinks = sinks with { Features = Collect(features) };
        var services = new GraphServices(new CanonicalEventDecoder(), new BaselineScorer(settings.Scoring), spec,
            telemetry ?? new ScreenerTelemetry(), GraphServices.NoSnapshots.Instance);
        var handle = ScreenerGraph.Create(Source.From(frames), sinks, settings, services).Run(Sys.Materializer());
        await handle.Completion.WaitAsync(TimeSpan.FromSeconds(20));
        return (raw, predictions, ranks);
    }

    private static Sink<T, Task> Collect<T>(List<T> into) =>
        Sink.ForEach<T>(into.Add).MapMaterializedValue(t => (Task)t);

    /// <summary>Three symbols over 6 s, each with a book snapshot: a volatile, one-sided AAA, a calm BBB, a CCC that goes silent.</summary>
    private static List<RawFrame> Script()
    {
        var events = new List<MarketEvent>();
        var random = new Random(3);
        decimal a = 100m, b = 50m;
        // Books deep enough to fill a 10,000-quote trade a few ticks from the touch, so no symbol is gated as illiquid.
        foreach (var (symbol, bid, ask) in new[] { ("AAAUSDT", 99.9m, 100.1m), ("BBBUSDT", 49.95m, 50.05m), ("CCCUSDT", 9.99m, 10.01m) })
            events.Add(new DepthSnapshot(symbol, At(0), At(0), 0, 1_000, EquatableArray.Create(new PriceLevel(bid, 10_000m)),
                EquatableArray.Create(new PriceLevel(ask, 10_000m))));
        for (var ms = 0; ms < 6_000; ms += 50)
        {
            a += (decimal)(random.Next(-3, 5) * 0.05);
            b += (decimal)(random.Next(-1, 2) * 0.01);
            events.Add(Top("AAAUSDT", ms, a, a + 0.02m));
            events.Add(Buy("AAAUSDT", ms + 1, a + 0.02m, 3m + random.Next(5)));
            events.Add(Top("BBBUSDT", ms + 2, b, b + 0.01m));
            if (ms % 200 == 0) events.Add(Sell("BBBUSDT", ms + 3, b, 1m));
            if (ms < 500) events.Add(Top("CCCUSDT", ms + 4, 10m, 10.01m));
        }
        return events.Select((e, i) => CanonicalEventDecoder.Frame(e with { Sequence = i + 1 }, i + 1)).ToList();
    }

    private static List<string> Bytes<T>(IEnumerable<T> messages) where T : IScreenerMessage =>
        messages.Select(m => Encoding.UTF8.GetString(ContractSerializer.ToJson(m))).ToList();
}
