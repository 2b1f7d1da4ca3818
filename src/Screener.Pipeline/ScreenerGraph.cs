using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using Screener.Contracts;
using Screener.Pipeline.Flows;
using Screener.Pipeline.Routing;
using Screener.Pipeline.Stages;

namespace Screener.Pipeline;

/// <summary>
/// The one graph of a node, live or replay: sequenced raw frames in; parse, clock and context, per-symbol
/// substreams (book, features, inference), ranking; journals, the feature tap and notifiers out. The caller supplies
/// the source (live connections or a journal) and the sinks, and materializes the blueprint.
/// </summary>
public static class ScreenerGraph
{
    public static IRunnableGraph<GraphHandle> Create(
        Source<RawFrame, NotUsed> source,
        ScreenerSinks sinks,
        PipelineSettings settings,
        GraphServices services)
    {
        settings.Validate();
        var features = Flow.Create<SymbolOutput>().Select(o => o.Features).ToMaterialized(sinks.Features, Keep.Right);
        var ranked = source
            .ViaMaterialized(KillSwitches.Single<RawFrame>(), Keep.Right)
            .AlsoToMaterialized(sinks.RawFrames, (kill, raw) => (kill, done: raw))
            .Via(DecodeFlow.Create(services.Decoder, services.Telemetry.Decode))
            .Via(ClockFlow.Create(settings, services.Telemetry.Stages.For("clock-context"), services.Telemetry.Streams, services.Models))
            .Via(SymbolRouter.Create(settings.MaxSymbols, SymbolFlow.Create(settings, services)))
            .AlsoToMaterialized(features, (m, f) => (m.kill, done: Task.WhenAll(m.done, f)))
            .Via(RankingFlow.Create(settings, services.Telemetry.Stages.For("ranking"), services.Models));

        var predictions = Flow.Create<RankingOutput>().Select(o => o.Predictions).ToMaterialized(sinks.Predictions, Keep.Right);
        var switches = Flow.Create<RankingOutput>().Where(o => o.Switch is not null).Select(o => o.Switch!).ToMaterialized(sinks.Models, Keep.Right);
        var withPredictions = ranked
            .AlsoToMaterialized(predictions, (m, p) => (m.kill, done: Task.WhenAll(m.done, p)))
            .AlsoToMaterialized(switches, (m, s) => (m.kill, Task.WhenAll(m.done, s)));

        foreach (var notifier in sinks.Notifiers)
            withPredictions = withPredictions.AlsoToMaterialized(
                Flow.Create<RankingOutput>().Buffer(sinks.NotifierBuffer, OverflowStrategy.DropHead).To(notifier), Keep.Left);

        return withPredictions
            .SelectMany(o => o.Events)
            .ToMaterialized(sinks.Ranks, (m, r) => new GraphHandle(m.Item1, Task.WhenAll(m.Item2, r)));
    }
}
