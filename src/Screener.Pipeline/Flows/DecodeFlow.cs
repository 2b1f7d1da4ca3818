using System.Text.Json;
using Akka;
using Akka.Streams.Dsl;
using Screener.Contracts;
using Screener.Contracts.Market;
using Screener.Contracts.Serialization;
using Screener.Pipeline.Instrumentation;

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
        Flow.Create<RawFrame>()
            .SelectMany(frame =>
            {
                if (frame.Kind == RawFrameKind.Heartbeat)
                {
                    counters.Heartbeat();
                    return [new Heartbeat(frame.TsInit, frame.Sequence)];
                }
                if (frame.Kind == RawFrameKind.Status) return DecodeStatus(frame, counters);
                var events = new List<MarketEvent>(1);
                counters.Count(decoder.Decode(frame, events));
                return (IEnumerable<MarketEvent>)events;
            })
            .Named("parse");

    /// <summary>Node-written status (connection up/down): the contracts' own JSON, not the exchange's.</summary>
    private static IEnumerable<MarketEvent> DecodeStatus(RawFrame frame, DecodeCounters counters)
    {
        try
        {
            var status = (MarketEvent)ContractSerializer.Deserialize(frame.Payload.Span, ContractSerializer.MarketEventV1);
            counters.Count(DecodeOutcome.Control);
            return [status with { Sequence = frame.Sequence }];
        }
        catch (JsonException)
        {
            counters.Count(DecodeOutcome.Malformed);
            return [];
        }
    }
}
