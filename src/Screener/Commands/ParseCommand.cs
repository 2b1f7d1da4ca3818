using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Screener.Binance.Normalise;
using Screener.Contracts;
using Screener.Contracts.Market;
using Screener.Contracts.Serialization;

namespace Screener.Commands;

/// <summary>
/// <c>screener parse FILE</c>: reads raw frames (one JSON frame a line, combined-stream wrapper or bare payload)
/// and writes the normalised events as JSON lines: <c>stream</c> (when the frame names it), <c>kind</c>,
/// <c>symbol</c> and the event's fields. Control replies are skipped; unknown kinds and malformed lines are
/// reported on standard error with their line numbers and counted, never fatal.
/// </summary>
public static class ParseCommand
{
    public static async Task<int> RunAsync(CommandLine cl, CancellationToken ct)
    {
        var path = cl.Words.Count == 2 ? cl.Words[1] : throw new UsageException("screener parse FILE: one file of frames is required.");
        cl.RejectUnknown();
        var decoder = new BinanceFrameDecoder();
        var counts = new SortedDictionary<DecodeOutcome, int>();
        await using var stdout = new StreamWriter(System.Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
        var lineNumber = 0;
        foreach (var line in await File.ReadAllLinesAsync(BookCommand.Existing(path), ct))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var bytes = Encoding.UTF8.GetBytes(line);
            var events = new List<MarketEvent>();
            var outcome = decoder.Decode(new RawFrame("file", lineNumber, 0, RawFrameKind.WebSocket, bytes), events);
            counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
            if (outcome is DecodeOutcome.Unknown or DecodeOutcome.Malformed)
                await System.Console.Error.WriteLineAsync($"{path}:{lineNumber}: {outcome.ToString().ToLowerInvariant()} frame: {Preview(line)}");
            var stream = StreamName(bytes);
            foreach (var e in events) await stdout.WriteLineAsync(Line(stream, e));
        }
        await stdout.FlushAsync(ct);
        await System.Console.Error.WriteLineAsync(
            $"{lineNumber} lines: " + string.Join(", ", counts.Select(c => $"{c.Value} {c.Key.ToString().ToLowerInvariant()}")));
        return 0;
    }

    /// <summary>The event's canonical JSON (kind, symbol and fields) with the frame's stream name first.</summary>
    private static string Line(string? stream, MarketEvent e)
    {
        var fields = JsonNode.Parse(ContractSerializer.ToJson(e))!.AsObject();
        var line = new JsonObject();
        if (stream is not null) line["stream"] = stream;
        foreach (var (key, value) in fields.ToList())
        {
            fields.Remove(key);
            line[key] = value;
        }
        return line.ToJsonString();
    }

    private static string? StreamName(byte[] frame)
    {
        try
        {
            using var doc = JsonDocument.Parse(frame);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                   && doc.RootElement.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.String
                ? s.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Preview(string line) => line.Length <= 120 ? line : line[..120] + "…";
}
