using System.Text.Json.Nodes;
using static Screener.Tests.Commands.CliProcess;

namespace Screener.Tests.Commands;

public sealed class BookCommandSpec
{
    private static readonly string[] Fields =
    [
        "symbol", "market", "snapshotLastUpdateId", "droppedFrameIndexes", "firstAppliedFrameIndex", "framesApplied",
        "resyncRequiredAtFrameIndex", "finalUpdateId", "bidLevels", "askLevels", "top5Bids", "top5Asks",
    ];

    [Theory]
    [InlineData("futures", "futures-depth-snapshot.json", "futures-depthUpdate-sequence.jsonl", "expected-futures-KSMUSDT-book.json")]
    [InlineData("spot", "spot-depth-snapshot.json", "spot-depthUpdate-sequence.jsonl", "expected-spot-NKNUSDT-book.json")]
    public async Task Book_must_reproduce_the_recorded_expected_book_exactly(string market, string snapshot, string frames, string expected)
    {
        var (exit, stdout, stderr) = await RunAsync("book", "--snapshot", Fixture(snapshot), "--frames", Fixture(frames), "--market", market);

        Assert.True(exit == 0, stderr);
        var actual = JsonNode.Parse(stdout)!.AsObject();
        var wanted = JsonNode.Parse(await File.ReadAllTextAsync(Fixture(expected)))!.AsObject();
        foreach (var field in Fields) Assert.True(JsonNode.DeepEquals(wanted[field], actual[field]), $"{field}: expected {wanted[field]?.ToJsonString()}, got {actual[field]?.ToJsonString()}");
    }

    [Fact]
    public async Task Book_must_stop_at_a_broken_chain_and_say_where_a_resync_is_required()
    {
        var lines = (await File.ReadAllLinesAsync(Fixture("futures-depthUpdate-sequence.jsonl"))).ToList();
        lines.RemoveAt(100);
        var gapped = Path.Combine(Path.GetTempPath(), $"gapped-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(gapped, lines);

        var (exit, stdout, _) = await RunAsync("book", "--snapshot", Fixture("futures-depth-snapshot.json"), "--frames", gapped);

        Assert.Equal(0, exit);
        var result = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal(100, (int)result["resyncRequiredAtFrameIndex"]!);
        Assert.Equal(97, (int)result["framesApplied"]!);
    }

    [Fact]
    public async Task Book_must_refuse_an_unknown_market_and_missing_files_with_exit_code_2()
    {
        Assert.Equal(2, (await RunAsync("book", "--snapshot", Fixture("futures-depth-snapshot.json"), "--frames", Fixture("futures-depthUpdate-sequence.jsonl"), "--market", "coin")).ExitCode);
        var missing = await RunAsync("book", "--snapshot", "nope.json", "--frames", Fixture("futures-depthUpdate-sequence.jsonl"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nope.json", missing.Stderr);
    }
}
