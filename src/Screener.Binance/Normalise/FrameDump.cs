using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Screener.Contracts;
using Screener.Contracts.Market;
using Screener.Contracts.Serialization;

namespace Screener.Binance.Normalise;

/// <summary>
/// Decodes raw frames for people: one frame at a time (<see cref="Describe"/>) or a whole file of frames, one per
/// line, to JSON lines (<see cref="WriteJsonLines"/>). A line is a WebSocket frame (combined wrapper or bare payload)
/// or a connector REST envelope (<c>{"rest":…}</c>), told apart by its top-level keys. Meant for the CLI, so it
/// allocates freely; the node decodes with <see cref="BinanceFrameDecoder"/> directly.
/// </summary>
public static class FrameDump
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Decodes one frame and names its stream (or REST kind). Never throws on bad input.</summary>
    public static FrameDescription Describe(ReadOnlySpan<byte> frame, BinanceFrameDecoder decoder, long sequence = 0, long tsInit = 0)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        var (stream, restKind) = Inspect(frame);
        var kind = restKind is null ? RawFrameKind.WebSocket : RawFrameKind.Rest;
        var events = new List<MarketEvent>();
        var outcome = decoder.Decode(new RawFrame("dump", sequence, tsInit, kind, frame.ToArray()), events);
        return new FrameDescription(kind, stream, restKind, outcome, events);
    }

    /// <summary>
    /// Reads frames from <paramref name="input"/>, one per line (blank lines skipped), and writes one JSON line per
    /// event to <paramref name="output"/>: <c>stream</c> (or <c>rest</c>) when known, then the event's canonical
    /// fields (<c>kind</c>, <c>symbol</c>, …). Unknown and malformed lines go to <paramref name="problems"/> with
    /// their line numbers. Returns how many frames had each outcome.
    /// </summary>
    public static IReadOnlyDictionary<DecodeOutcome, int> WriteJsonLines(
        Stream input, Stream output, BinanceFrameDecoder decoder, TextWriter? problems = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var counts = new SortedDictionary<DecodeOutcome, int>();
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        var lineNumber = 0;
        foreach (var line in ReadLines(input))
        {
            lineNumber++;
            var frame = line.AsSpan().TrimEnd("\r"u8);
            if (frame.Trim(" \t"u8).IsEmpty) continue;
            var description = Describe(frame, decoder, lineNumber);
            counts[description.Outcome] = counts.GetValueOrDefault(description.Outcome) + 1;
            if (description.Outcome is DecodeOutcome.Unknown or DecodeOutcome.Malformed)
                problems?.WriteLine($"line {lineNumber}: {description.Outcome.ToString().ToLowerInvariant()} frame: {Preview(frame)}");
            foreach (var e in description.Events) WriteEvent(writer, output, description, e);
        }

        writer.Flush();
        return counts;
    }

    private static void WriteEvent(Utf8JsonWriter writer, Stream output, FrameDescription frame, MarketEvent e)
    {
        writer.WriteStartObject();
        if (frame.Stream is not null) writer.WriteString("stream"u8, frame.Stream);
        if (frame.RestKind is not null) writer.WriteString("rest"u8, frame.RestKind);
        using (var fields = JsonDocument.Parse(ContractSerializer.ToJson(e)))
            foreach (var field in fields.RootElement.EnumerateObject()) field.WriteTo(writer);
        writer.WriteEndObject();
        writer.Flush();
        output.WriteByte((byte)'\n');
        writer.Reset(output);
    }

    /// <summary>The top-level <c>stream</c> and <c>rest</c> strings, if the frame is an object that has them.</summary>
    private static (string? Stream, string? RestKind) Inspect(ReadOnlySpan<byte> frame)
    {
        string? stream = null, rest = null;
        try
        {
            var reader = new Utf8JsonReader(frame);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return (null, null);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isStream = reader.ValueTextEquals("stream"u8);
                var isRest = reader.ValueTextEquals("rest"u8);
                if (!reader.Read()) break;
                if (reader.TokenType == JsonTokenType.String && (isStream || isRest))
                {
                    if (isStream) stream = reader.GetString();
                    else rest = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // A broken frame keeps whatever names were read before the fault; the decoder reports it as Malformed.
        }

        return (stream, rest);
    }

    private static IEnumerable<byte[]> ReadLines(Stream input)
    {
        var buffer = new byte[64 * 1024];
        var line = new MemoryStream();
        int read;
        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n') continue;
                line.Write(buffer, start, i - start);
                yield return line.ToArray();
                line.SetLength(0);
                start = i + 1;
            }

            line.Write(buffer, start, read - start);
        }

        if (line.Length > 0) yield return line.ToArray();
    }

    private static string Preview(ReadOnlySpan<byte> frame)
    {
        var text = Encoding.UTF8.GetString(frame);
        return text.Length <= 120 ? text : text[..120] + "…";
    }
}
