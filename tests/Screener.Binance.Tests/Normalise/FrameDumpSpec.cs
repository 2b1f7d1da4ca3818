using System.Text;
using System.Text.Json;
using Screener.Binance.Normalise;
using Screener.Binance.Transport;
using Screener.Contracts;
using Screener.Contracts.Market;
using static Screener.Binance.Tests.Fixture;

namespace Screener.Binance.Tests.Normalise;

public sealed class FrameDumpSpec
{
    private readonly BinanceFrameDecoder _decoder = new();

    [Fact]
    public void FrameDump_must_name_the_stream_of_a_combined_frame()
    {
        var description = FrameDump.Describe(Bytes("futures-aggTrade.json"), _decoder);

        Assert.Equal(RawFrameKind.WebSocket, description.FrameKind);
        Assert.Equal("btcusdt@aggTrade", description.Stream);
        Assert.Null(description.RestKind);
        Assert.Equal(DecodeOutcome.Events, description.Outcome);
        Assert.Equal("BTCUSDT", Assert.IsType<Trade>(Assert.Single(description.Events)).Symbol);
    }

    [Fact]
    public void FrameDump_must_leave_the_stream_empty_for_bare_and_broken_frames()
    {
        var bare = FrameDump.Describe("""{"e":"aggTrade","E":1,"a":1,"s":"X","p":"1","q":"1","T":1,"m":true}"""u8, _decoder);
        var broken = FrameDump.Describe("""{"stream":"x@aggTrade","data":{"e":"aggTrade","#"""u8, _decoder);

        Assert.Null(bare.Stream);
        Assert.Equal(DecodeOutcome.Events, bare.Outcome);
        Assert.Equal("x@aggTrade", broken.Stream);
        Assert.Equal(DecodeOutcome.Malformed, broken.Outcome);
        Assert.Empty(broken.Events);
    }

    [Fact]
    public void FrameDump_must_recognise_a_REST_envelope()
    {
        var description = FrameDump.Describe(RestEnvelope.Create("premiumIndex", "*", Bytes("futures-premiumIndex.json")), _decoder);

        Assert.Equal(RawFrameKind.Rest, description.FrameKind);
        Assert.Equal("premiumIndex", description.RestKind);
        Assert.Equal(2, description.Events.OfType<MarkPrice>().Count());
    }

    [Fact]
    public void FrameDump_must_write_one_json_line_per_event_and_count_outcomes()
    {
        var input = string.Join("\n",
            Text("futures-aggTrade.json").Trim(),
            "",
            "not json",
            Text("subscribe-reply.json").Trim(),
            // The envelope embeds the body verbatim, so the pretty-printed vector is compacted to fit on one line.
            Encoding.UTF8.GetString(RestEnvelope.Create("fundingInfo", "*",
                Encoding.UTF8.GetBytes(System.Text.Json.Nodes.JsonNode.Parse(Bytes("futures-fundingInfo.json"))!.ToJsonString()))) + "\r");
        using var output = new MemoryStream();
        var problems = new StringWriter();

        var counts = FrameDump.WriteJsonLines(new MemoryStream(Encoding.UTF8.GetBytes(input)), output, _decoder, problems);

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(3, lines.Length);
        Assert.Equal(("btcusdt@aggTrade", "trade", "BTCUSDT"),
            (lines[0].GetProperty("stream").GetString(), lines[0].GetProperty("kind").GetString(), lines[0].GetProperty("symbol").GetString()));
        Assert.Equal(83091.70m, lines[0].GetProperty("price").GetDecimal());
        Assert.Equal(("fundingInfo", "fundingInterval", 4),
            (lines[1].GetProperty("rest").GetString(), lines[1].GetProperty("kind").GetString(), lines[1].GetProperty("hours").GetInt32()));
        Assert.Equal(new Dictionary<DecodeOutcome, int> { [DecodeOutcome.Events] = 2, [DecodeOutcome.Control] = 1, [DecodeOutcome.Malformed] = 1 }, counts);
        Assert.Contains("line 3: malformed", problems.ToString(), StringComparison.Ordinal);
    }
}
