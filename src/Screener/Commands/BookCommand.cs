using System.Globalization;
using System.Text;
using System.Text.Json;
using Screener.Analytics.Books;
using Screener.Binance.Normalise;
using Screener.Binance.Transport;
using Screener.Contracts;
using Screener.Contracts.Market;

namespace Screener.Commands;

/// <summary>
/// <c>screener book --snapshot FILE --frames FILE [--market futures|spot]</c>: runs the order-book sync over a REST
/// depth snapshot and a file of diff frames (one frame a line) and prints one JSON object describing the result.
/// </summary>
public static class BookCommand
{
    public static async Task<int> RunAsync(CommandLine cl, CancellationToken ct)
    {
        var snapshotPath = cl.String("snapshot") ?? throw new UsageException("--snapshot FILE is required.");
        var framesPath = cl.String("frames") ?? throw new UsageException("--frames FILE is required.");
        var market = cl.String("market") ?? "futures";
        cl.RejectUnknown();
        IBookSync sync = market switch
        {
            "futures" => new FuturesBookSync(),
            "spot" => new SpotBookSync(),
            _ => throw new UsageException($"--market must be futures or spot, got '{market}'."),
        };

        var decoder = new BinanceFrameDecoder();
        var diffs = new List<DepthDiff>();
        var lineNumber = 0;
        foreach (var line in await ReadLinesAsync(framesPath, ct))
        {
            lineNumber++;
            var events = new List<MarketEvent>();
            var outcome = decoder.Decode(Frame(RawFrameKind.WebSocket, Encoding.UTF8.GetBytes(line)), events);
            if (outcome != DecodeOutcome.Events || events is not [DepthDiff diff])
                throw new UsageException($"{framesPath}:{lineNumber} is not a depthUpdate frame ({outcome}).");
            diffs.Add(diff);
        }
        if (diffs.Count == 0) throw new UsageException($"{framesPath} holds no frames.");

        var body = await File.ReadAllBytesAsync(Existing(snapshotPath), ct);
        var snapshotEvents = new List<MarketEvent>();
        decoder.Decode(Frame(RawFrameKind.Rest, RestEnvelope.Depth(diffs[0].Symbol, body)), snapshotEvents);
        if (snapshotEvents is not [DepthSnapshot snapshot])
            throw new UsageException($"{snapshotPath} is not a REST depth snapshot (lastUpdateId, bids, asks).");

        var report = BookReplay.Run(sync, snapshot, diffs);
        await using var stdout = System.Console.OpenStandardOutput();
        Write(stdout, report, market == "futures" ? "usdm-futures" : "spot");
        return 0;
    }

    private static void Write(Stream output, BookReplayReport r, string market)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("symbol", r.Symbol);
        json.WriteString("market", market);
        json.WriteNumber("snapshotLastUpdateId", r.SnapshotLastUpdateId);
        json.WriteStartArray("droppedFrameIndexes");
        foreach (var i in r.DroppedFrameIndexes) json.WriteNumberValue(i);
        json.WriteEndArray();
        WriteNullable(json, "firstAppliedFrameIndex", r.FirstAppliedFrameIndex);
        json.WriteNumber("framesApplied", r.FramesApplied);
        WriteNullable(json, "resyncRequiredAtFrameIndex", r.ResyncRequiredAtFrameIndex);
        json.WriteNumber("finalUpdateId", r.FinalUpdateId);
        json.WriteNumber("bidLevels", r.BidLevels);
        json.WriteNumber("askLevels", r.AskLevels);
        WriteLevels(json, "top5Bids", r.Top5Bids);
        WriteLevels(json, "top5Asks", r.Top5Asks);
        json.WriteBoolean("crossed", r.Crossed);
        json.WriteEndObject();
        json.Flush();
        output.Write("\n"u8);
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }

    private static void WriteLevels(Utf8JsonWriter json, string name, IReadOnlyList<PriceLevel> levels)
    {
        json.WriteStartArray(name);
        foreach (var level in levels)
        {
            json.WriteStartArray();
            json.WriteStringValue(level.Price.ToString(CultureInfo.InvariantCulture));
            json.WriteStringValue(level.Quantity.ToString(CultureInfo.InvariantCulture));
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }

    private static RawFrame Frame(RawFrameKind kind, byte[] payload) => new("file", 0, 0, kind, payload);

    internal static string Existing(string path) =>
        File.Exists(path) ? path : throw new UsageException($"No such file: '{Path.GetFullPath(path)}'.");

    internal static async Task<IReadOnlyList<string>> ReadLinesAsync(string path, CancellationToken ct) =>
        (await File.ReadAllLinesAsync(Existing(path), ct)).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
}
