using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using Screener.Contracts;
using Screener.Contracts.Market;
using Screener.Pipeline.Flows;
using Screener.Pipeline.Instrumentation;
using Screener.Pipeline.Routing;

namespace Screener.Bench;

/// <summary>
/// The ingest half of the node's graph, as the benchmark runs it: the connection sources merged
/// (<see cref="IngestSource.Merge"/>) and sequenced (<see cref="IngestSource.Sequence"/>), parse and normalise (<see cref="DecodeFlow"/>), the symbol router
/// (<see cref="SymbolRouter"/>) and, per symbol, book sync and trade idempotence (<see cref="SymbolIngest"/>).
/// There is no shedding buffer (a blast is always ahead of the graph, and every frame must be processed), no
/// journal, no clock, features or ranking.
/// </summary>
public static class IngestBenchGraph
{
    /// <summary>The blueprint; its materialized value stops it (kill switch) and reports its end.</summary>
    public static IRunnableGraph<(UniqueKillSwitch Stop, Task Done)> Create(
        IReadOnlyList<Source<RawFrame, NotUsed>> connections, int maxSymbols, IFrameDecoder decoder, ScreenerTelemetry telemetry,
        IngestBenchCounters counters)
    {
        if (connections.Count == 0) throw new ArgumentException("At least one connection source is required.", nameof(connections));
        var perSymbol = Flow.FromGraph(new SymbolIngestStage(counters));

        return IngestSource.Merge(connections)
            .ViaMaterialized(KillSwitches.Single<RawFrame>(), Keep.Right)
            .Via(IngestSource.Sequence(telemetry.Stages.For("ingest-sequence")))
            .Via(DecodeFlow.Create(decoder, telemetry.Decode))
            .Via(new SymbolDataStage())
            .Via(SymbolRouter.Create(maxSymbols, perSymbol))
            .ToMaterialized(Sink.Ignore<NotUsed>(), (stop, done) => (stop, (Task)done));
    }

}
