using System.Text.Json.Nodes;
using static Screener.Tests.Commands.CliProcess;

namespace Screener.Tests.Commands;

public sealed class ParseCommandSpec
{
    [Fact]
    public async Task Parse_must_write_one_json_line_per_event_with_stream_kind_symbol_and_fields_and_report_bad_lines()
    {
        string[] frames =
        [
            Compact(await File.ReadAllTextAsync(Fixture("futures-aggTrade.json"))),
            Compact(await File.ReadAllTextAsync(Fixture("futures-markPrice-arr.json"))),
            Compact(await File.ReadAllTextAsync(Fixture("futures-ticker.json"))),
            """{"e":"aggTrade","E":1618677448812,"a":21396959,"s":"KSMUSDT","p":"459.211","q":"1.7","f":25426551,"l":25426551,"T":1618677448808,"m":true}""",
            """{"stream":"btcusdt@aggTrade","data":{"e":"aggTrade","p":""",
            """{"result":null,"id":1}""",
        ];
        var file = Path.Combine(Path.GetTempPath(), $"frames-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(file, frames);

        var (exit, stdout, stderr) = await RunAsync("parse", file);

        Assert.Equal(0, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(4, lines.Count);
        Assert.Equal(["btcusdt@aggTrade", "!markPrice@arr@1s", "!markPrice@arr@1s", null], lines.Select(l => (string?)l["stream"]));
        Assert.Equal(["trade", "markPrice", "markPrice", "trade"], lines.Select(l => (string)l["kind"]!));
        Assert.Equal(["BTCUSDT", "XAUUSDT", "XAGUSDT", "KSMUSDT"], lines.Select(l => (string)l["symbol"]!));
        Assert.Equal(83091.70m, (decimal)lines[0]["price"]!);
        Assert.Equal("Sell", (string)lines[3]["aggressor"]!);
        Assert.Equal(["stream", "kind"], lines[0].Select(p => p.Key).Take(2));
        Assert.Contains(":3: unknown frame", stderr);
        Assert.Contains(":5: malformed frame", stderr);
        Assert.Contains("6 lines: 3 events, 1 control, 1 unknown, 1 malformed", stderr);
    }

    private static string Compact(string json) => JsonNode.Parse(json)!.ToJsonString();
}
