using System.Text.Json;

namespace Screener.Analytics.Tests.Books;

/// <summary>expected-futures-KSMUSDT-book.json: what the USDⓈ-M procedure must leave after the whole recording.</summary>
internal sealed record ExpectedBook(
    long SnapshotLastUpdateId, IReadOnlyList<int> DroppedFrameIndexes, int FirstAppliedFrameIndex, int FramesApplied,
    int? ResyncRequiredAtFrameIndex, long FinalUpdateId, int BidLevels, int AskLevels,
    IReadOnlyList<string[]> Top5Bids, IReadOnlyList<string[]> Top5Asks, bool Crossed)
{
    public static ExpectedBook Read(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        var resync = root.GetProperty("resyncRequiredAtFrameIndex");
        return new ExpectedBook(
            root.GetProperty("snapshotLastUpdateId").GetInt64(),
            root.GetProperty("droppedFrameIndexes").EnumerateArray().Select(e => e.GetInt32()).ToArray(),
            root.GetProperty("firstAppliedFrameIndex").GetInt32(),
            root.GetProperty("framesApplied").GetInt32(),
            resync.ValueKind == JsonValueKind.Null ? null : resync.GetInt32(),
            root.GetProperty("finalUpdateId").GetInt64(),
            root.GetProperty("bidLevels").GetInt32(),
            root.GetProperty("askLevels").GetInt32(),
            Pairs(root.GetProperty("top5Bids")),
            Pairs(root.GetProperty("top5Asks")),
            root.GetProperty("crossed").GetBoolean());
    }

    private static string[][] Pairs(JsonElement rows) =>
        rows.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetString()!).ToArray()).ToArray();
}
