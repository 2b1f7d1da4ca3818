using System.Text.Json;
using Screener.Binance.Wire;
using Screener.Contracts;
using Screener.Contracts.Market;

namespace Screener.Binance.Normalise;

/// <summary>
/// Decodes a WebSocket frame: the combined-stream wrapper <c>{"stream":…,"data":…}</c> (either key order), a bare
/// payload object or array, or a control reply (<c>{"result":…,"id":…}</c>, <c>{"error":{…},"id":…}</c>).
/// </summary>
internal static class WebSocketFrameDecoder
{
    private enum Shape { Payload, Wrapper, Control }

    public static DecodeOutcome Decode(ReadOnlySpan<byte> payload, in DecodeContext context, List<MarketEvent> events)
    {
        var reader = new Utf8JsonReader(payload, FrameJson.Options);
        if (!reader.Read()) return DecodeOutcome.Malformed;
        var outcome = reader.TokenType switch
        {
            JsonTokenType.StartArray => PayloadDecoder.DecodeArray(ref reader, context, events),
            JsonTokenType.StartObject => DecodeObject(ref reader, context, events),
            _ => DecodeOutcome.Malformed,
        };
        return FrameJson.EndsCleanly(ref reader, outcome);
    }

    private static DecodeOutcome DecodeObject(ref Utf8JsonReader reader, in DecodeContext context, List<MarketEvent> events)
    {
        switch (ShapeOf(reader))
        {
            case Shape.Wrapper:
                return DecodeWrapper(ref reader, context, events);
            case Shape.Control:
                reader.Skip();
                return DecodeOutcome.Control;
            default:
                return PayloadDecoder.DecodeObject(ref reader, context, events);
        }
    }

    /// <summary>
    /// Decides from the first key when it is decisive (the normal case: <c>stream</c> or <c>e</c> first), otherwise
    /// from a scan of the top-level keys on a copy of the reader.
    /// </summary>
    private static Shape ShapeOf(Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName) return Shape.Payload;
        if (reader.ValueTextEquals("stream"u8) || reader.ValueTextEquals("data"u8)) return Shape.Wrapper;
        if (reader.ValueTextEquals("e"u8)) return Shape.Payload;
        if (reader.ValueTextEquals("result"u8) || reader.ValueTextEquals("error"u8)) return Shape.Control;

        var control = false;
        do
        {
            if (reader.ValueTextEquals("data"u8)) return Shape.Wrapper;
            control |= reader.ValueTextEquals("result"u8) || reader.ValueTextEquals("error"u8);
            reader.Skip();
        } while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName);

        return control ? Shape.Control : Shape.Payload;
    }

    /// <summary>
    /// The payload is decoded where <c>data</c> appears; the stream name, wherever it appears, can still veto the
    /// result (partial-depth payloads look like diffs but are not).
    /// </summary>
    private static DecodeOutcome DecodeWrapper(ref Utf8JsonReader reader, in DecodeContext context, List<MarketEvent> events)
    {
        var before = events.Count;
        var outcome = DecodeOutcome.Malformed;
        var sawData = false;
        var partialDepth = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("stream"u8))
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.String) return DecodeOutcome.Malformed;
                partialDepth = StreamName.IsPartialDepth(reader.ValueSpan);
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                if (!reader.Read()) return DecodeOutcome.Malformed;
                outcome = PayloadDecoder.DecodeValue(ref reader, context, events);
                if (outcome == DecodeOutcome.Malformed) return outcome;
                sawData = true;
            }
            else
            {
                reader.Skip();
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || !sawData) return DecodeOutcome.Malformed;
        if (!partialDepth) return outcome;
        events.RemoveRange(before, events.Count - before);
        return DecodeOutcome.Unknown;
    }
}
