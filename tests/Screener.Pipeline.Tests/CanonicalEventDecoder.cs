using System.Text.Json;
using Screener.Contracts;
using Screener.Contracts.Market;
using Screener.Contracts.Serialization;

namespace Screener.Pipeline.Tests;

/// <summary>Decodes frames whose payload is a market event in the contracts' canonical JSON (the replay format of tests).</summary>
public sealed class CanonicalEventDecoder : IFrameDecoder
{
    public DecodeOutcome Decode(RawFrame frame, ICollection<MarketEvent> output)
    {
        try
        {
            output.Add((MarketEvent)ContractSerializer.Deserialize(frame.Payload.Span, ContractSerializer.MarketEventV1));
            return DecodeOutcome.Events;
        }
        catch (JsonException)
        {
            return DecodeOutcome.Malformed;
        }
    }

    public static RawFrame Frame(MarketEvent e, long sequence) =>
        new("test", sequence, e.TsInit, RawFrameKind.WebSocket, ContractSerializer.ToJson(e));
}
