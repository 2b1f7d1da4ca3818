using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using Screener.Contracts;
using Screener.Contracts.Time;
using Screener.Pipeline.Instrumentation;
using Screener.Pipeline.Routing;

namespace Screener.Pipeline.Flows;

/// <summary>
/// The live ingest head: merges the connection sources, sheds load in a declared order when the graph falls
/// behind (<see cref="SheddingBufferStage"/>), injects clock heartbeats while the market is quiet, and stamps
/// every frame with the node's sequence number. Its output is what the raw journal records.
/// <para>Emits when: any connection delivers a frame, or no frame arrived for the heartbeat interval.</para>
/// <para>Backpressures when: downstream backpressures (each connection then stops reading its socket).</para>
/// <para>Completes when: every connection source completes.</para>
/// <para>Cancels when: downstream cancels.</para>
/// </summary>
public static class IngestSource
{
    public static Source<RawFrame, NotUsed> Create(
        IReadOnlyList<Source<RawFrame, NotUsed>> connections, IClock clock, TimeSpan heartbeatInterval,
        SheddingBufferStage shedding, StageRegistry registry)
    {
        if (connections.Count == 0) throw new ArgumentException("At least one connection source is required.", nameof(connections));
        var counters = registry.For("ingest-sequence");
        return Source.From(connections)
            .MergeMany(connections.Count, connection => connection)
            .Named("ingest-merge")
            .Via(shedding)
            .KeepAlive(heartbeatInterval, () => RawFrame.Heartbeat(clock.UtcNowTicks))
            .Named("heartbeat")
            .Via(Sequence(counters));
    }

    /// <summary>Assigns 1, 2, 3, … per materialization, in the order frames leave the merge.</summary>
    public static Flow<RawFrame, RawFrame, NotUsed> Sequence(StageCounters counters) =>
        Flow.Create<RawFrame>()
            .StatefulSelectMany<RawFrame, RawFrame, RawFrame, NotUsed>(() =>
            {
                long next = 0;
                return frame =>
                {
                    counters.Element(frame.TsInit);
                    return [frame with { Sequence = ++next }];
                };
            })
            .Named("sequence");
}
