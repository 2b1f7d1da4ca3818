using System.Text.Json;
using Screener.Contracts;

namespace Screener.Binance.Normalise;

/// <summary>Reader settings and the end-of-frame check shared by the WebSocket and REST frame decoders.</summary>
internal static class FrameJson
{
    /// <summary>Strict JSON (no comments, no trailing commas); Binance payloads nest at most four levels.</summary>
    public static readonly JsonReaderOptions Options = new() { MaxDepth = 16 };

    /// <summary>A frame is one JSON value: trailing bytes after it make the whole frame Malformed.</summary>
    public static DecodeOutcome EndsCleanly(ref Utf8JsonReader reader, DecodeOutcome outcome)
    {
        if (outcome == DecodeOutcome.Malformed) return outcome;
        return reader.Read() ? DecodeOutcome.Malformed : outcome;
    }
}
