using Akka;
using Akka.Streams.Dsl;
using Screener.Contracts;
using Screener.Contracts.Market;
using Screener.Pipeline.Instrumentation;
using Screener.Pipeline.Stages;

namespace Screener.Pipeline.Flows;

/// <summary>
/// Parse and normalise: raw frames to market events through the exchange's <see cref="IFrameDecoder"/>.
/// A bad frame is counted by outcome and dropped; the stream goes on. Heartbeats become
/// <see cref="Heartbeat"/> events for the clock; node status frames become their Connected/Disconnected events.
/// <para>Emits when: a decoded frame yields events (zero or more per frame).</para>
/// <para>Backpressures when: downstream backpressures.</para>
/// <para>Completes when: upstream completes and pending events are emitted.</para>
/// <para>Cancels when: downstream cancels.</para>
/// </summary>
public static class DecodeFlow
{
    public static Flow<RawFrame, MarketEvent, NotUsed> Create(IFrameDecoder decoder, DecodeCounters counters) =>
        Flow.FromGraph(new DecodeStage(decoder, counters));
}
