using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using Screener.Contracts;
using Screener.Contracts.Market;
using Screener.Pipeline;
using Screener.Pipeline.Flows;
using Screener.Pipeline.Instrumentation;
using Screener.Pipeline.Routing;
using Screener.Pipeline.Stages;

namespace Screener.Offline.Record;

/// <summary>
/// The node's graph with recording only: the live ingest source (connections merged, shed-guarded, heartbeats,
/// sequenced) into the raw journal tap, exactly as <see cref="ScreenerGraph"/> taps it, and behind the tap only what
/// decides which frames the adapter adds: parse, then per symbol the order book under the node's resync rule
/// (<see cref="SymbolBook"/>), so a chain break asks for the same snapshot a node would and the journal holds it. No
/// clock, features, predictions or ranking: a recording needs no model and journals nothing but raw frames.
/// <para>Emits when: nothing leaves the graph; the journal sink receives every sequenced frame.</para>
/// <para>Backpressures when: the journal or the book keeping backpressures (the connections then stop reading).</para>
/// <para>Completes when: the source completes or the kill switch is shut down, and the journal holds every frame it received.</para>
/// <para>Cancels when: the kill switch is shut down.</para>
/// </summary>
public static class RecordGraph
{
    /// <summary>Stage counters name of the tap: frames handed to the raw journal.</summary>
    public const string JournalStage = "raw-journal";

    /// <summary>The blueprint; its handle stops it and completes once the journal holds every frame it was given.</summary>
    /// <param name="source">Sequenced frames from the exchange adapter.</param>
    /// <param name="journal">The raw journal sink (frame batches); its task completes when everything it received is durable.</param>
    /// <param name="decoder">The exchange's frame decoder.</param>
    /// <param name="snapshots">The adapter's snapshot queue, asked after a gap or a rejected snapshot.</param>
    /// <param name="telemetry">Decode, health (gaps, resyncs) and stage counters, <see cref="JournalStage"/> among them.</param>
    /// <param name="maxSymbols">Bound on per-symbol substreams (<c>screener.pipeline.max-symbols</c>).</param>
    public static IRunnableGraph<GraphHandle> Create(
        Source<RawFrame, NotUsed> source, Sink<RawFrame, Task> journal, IFrameDecoder decoder, ISnapshotRequester snapshots,
        ScreenerTelemetry telemetry, int maxSymbols)
    {
        var tapped = telemetry.Stages.For(JournalStage);
        var counted = Flow.Create<RawFrame>().Select(frame =>
        {
            tapped.Element(frame.TsInit);
            return frame;
        }).ToMaterialized(journal, Keep.Right);

        return source
            .ViaMaterialized(KillSwitches.Single<RawFrame>(), Keep.Right)
            .AlsoToMaterialized(counted, (kill, written) => (kill, written))
            .Via(DecodeFlow.Create(decoder, telemetry.Decode))
            .Where(e => e is DepthDiff or DepthSnapshot)
            .Select(e => (IWithSymbol)e)
            .Via(SymbolRouter.Create(maxSymbols, Books(snapshots, telemetry.Health)))
            .ToMaterialized(Sink.Ignore<NotUsed>(), (m, books) => new GraphHandle(m.kill, Task.WhenAll(m.written, books)));
    }

    /// <summary>One symbol substream's book: diffs and snapshots in, nothing out but the snapshot requests it makes.</summary>
    private static Flow<IWithSymbol, NotUsed, NotUsed> Books(ISnapshotRequester snapshots, HealthCounters health) =>
        Flow.Create<IWithSymbol>()
            .StatefulSelectMany<IWithSymbol, IWithSymbol, NotUsed, NotUsed>(() =>
            {
                SymbolBook? book = null;
                return e =>
                {
                    book ??= new SymbolBook(e.Symbol, snapshots, health);
                    switch (e)
                    {
                        case DepthDiff diff:
                            book.OnDiff(diff, out _);
                            break;
                        case DepthSnapshot snapshot:
                            book.OnSnapshot(snapshot);
                            break;
                    }
                    return [];
                };
            })
            .Named("symbol-book");
}
