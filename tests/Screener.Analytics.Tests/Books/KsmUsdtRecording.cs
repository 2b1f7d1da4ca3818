using System.Globalization;
using System.Text.Json;
using Screener.Contracts;
using Screener.Contracts.Market;
using Screener.Contracts.Time;

namespace Screener.Analytics.Tests.Books;

/// <summary>
/// The 2021 KSMUSDT futures recording (Fixtures/SOURCES.md), parsed straight from the wire text into Contracts
/// records so the book-sync rules are checked against real exchange data, not data shaped by our own connector.
/// </summary>
internal sealed record KsmUsdtRecording(DepthSnapshot Snapshot, IReadOnlyList<DepthDiff> Frames, ExpectedBook Expected)
{
    private const string Symbol = "KSMUSDT";

    public static KsmUsdtRecording Load() => new(
        ReadSnapshot(Fixture("futures-depth-snapshot.json")),
        File.ReadLines(Fixture("futures-depthUpdate-sequence.jsonl")).Select(ReadFrame).ToArray(),
        ExpectedBook.Read(Fixture("expected-futures-KSMUSDT-book.json")));

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static DepthSnapshot ReadSnapshot(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        var ts = UtcTime.FromUnixMs(root.GetProperty("E").GetInt64());
        return new DepthSnapshot(Symbol, ts, ts, 0, root.GetProperty("lastUpdateId").GetInt64(),
            Levels(root.GetProperty("bids")), Levels(root.GetProperty("asks")));
    }

    private static DepthDiff ReadFrame(string line, int index)
    {
        using var doc = JsonDocument.Parse(line);
        var data = doc.RootElement.GetProperty("data");
        var ts = UtcTime.FromUnixMs(data.GetProperty("E").GetInt64());
        return new DepthDiff(data.GetProperty("s").GetString()!, ts, ts, index + 1,
            data.GetProperty("U").GetInt64(), data.GetProperty("u").GetInt64(), data.GetProperty("pu").GetInt64(),
            Levels(data.GetProperty("b")), Levels(data.GetProperty("a")));
    }

    private static EquatableArray<PriceLevel> Levels(JsonElement levels) =>
        levels.EnumerateArray().Select(l => new PriceLevel(Decimal(l[0]), Decimal(l[1]))).ToArray();

    private static decimal Decimal(JsonElement text) =>
        decimal.Parse(text.GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture);
}
