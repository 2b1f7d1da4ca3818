using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using Screener.Contracts;
using Screener.Contracts.Time;
using Screener.Pipeline.Instrumentation;
using Screener.Pipeline.Routing;
using Screener.Pipeline.Stages;

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
        return Merge(connections)
            .Via(shedding)
            .KeepAlive(heartbeatInterval, () => RawFrame.Heartbeat(clock.UtcNowTicks))
            .Named("heartbeat")
            .Via(Sequence(registry.For("ingest-sequence")));
    }

    /// <summary>
    /// One fan-in stage over every connection. Unlike a flattening merge of a source of sources, elements pass inside
    /// the fused graph without crossing a substream boundary.
    /// </summary>
    public static Source<RawFrame, NotUsed> Merge(IReadOnlyList<Source<RawFrame, NotUsed>> connections)
    {
        if (connections.Count == 0) throw new ArgumentException("At least one connection source is required.", nameof(connections));
        if (connections.Count == 1) return connections[0];
        return Source.Combine(connections[0], connections[1], n => new Merge<RawFrame>(n), connections.Skip(2).ToArray())
            .Named("ingest-merge");
    }

    /// <summary>Assigns 1, 2, 3, … per materialization, in the order frames leave the merge.</summary>
    public static Flow<RawFrame, RawFrame, NotUsed> Sequence(StageCounters counters) => Flow.FromGraph(new SequenceStage(counters));
}
