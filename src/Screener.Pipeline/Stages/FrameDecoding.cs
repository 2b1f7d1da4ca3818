using System.Text.Json;
using Screener.Contracts;
using Screener.Contracts.Market;
using Screener.Contracts.Serialization;
using Screener.Pipeline.Instrumentation;

namespace Screener.Pipeline.Stages;

/// <summary>
/// The parse rules for one sequenced frame, shared by the graph's <see cref="DecodeStage"/> and offline builders, so
/// there is one implementation: exchange frames go through the exchange's <see cref="IFrameDecoder"/> and a frame that
/// does not yield events yields nothing; heartbeats become <see cref="Heartbeat"/> events for the clock; node status
/// frames carry the contracts' own JSON of a market event (connection up or down, subscriptions confirmed). Every frame
/// is counted in exactly one bucket of <see cref="DecodeCounters"/>. Pure apart from the counters; never throws on
/// bad input.
/// </summary>
public sealed class FrameDecoding(IFrameDecoder decoder, DecodeCounters counters)
{
    /// <summary>Appends the events of <paramref name="frame"/> to <paramref name="output"/> (none for a bad frame).</summary>
    public void Decode(RawFrame frame, List<MarketEvent> output)
    {
        switch (frame.Kind)
        {
            case RawFrameKind.Heartbeat:
                counters.Heartbeat();
                output.Add(new Heartbeat(frame.TsInit, frame.Sequence));
                return;
            case RawFrameKind.Status:
                DecodeStatus(frame, output);
                return;
            default:
                var start = output.Count;
                var outcome = decoder.Decode(frame, output);
                counters.Count(outcome);
                if (outcome != DecodeOutcome.Events) output.RemoveRange(start, output.Count - start);
                return;
        }
    }

    /// <summary>Node-written status (connection up/down): the contracts' own JSON, not the exchange's.</summary>
    private void DecodeStatus(RawFrame frame, List<MarketEvent> output)
    {
        try
        {
            var status = (MarketEvent)ContractSerializer.Deserialize(frame.Payload.Span, ContractSerializer.MarketEventV1);
            counters.Count(DecodeOutcome.Control);
            output.Add(status with { Sequence = frame.Sequence });
        }
        catch (JsonException)
        {
            counters.Count(DecodeOutcome.Malformed);
        }
    }
}
