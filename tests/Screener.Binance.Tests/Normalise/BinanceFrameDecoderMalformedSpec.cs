using System.Text;
using Screener.Binance.Normalise;
using Screener.Contracts;
using Screener.Contracts.Market;
using static Screener.Binance.Tests.Fixture;

namespace Screener.Binance.Tests.Normalise;

/// <summary>Broken frames of every kind are Malformed, yield no event and never throw.</summary>
public sealed class BinanceFrameDecoderMalformedSpec
{
    private const string AggTrade = """{"e":"aggTrade","E":1791382992488,"a":3477868433,"s":"BTCUSDT","p":"83091.70","q":"0.022","T":1791382992338,"m":false}""";
    private const string BookTicker = """{"e":"bookTicker","u":11757092630476,"s":"BTCUSDT","b":"83091.60","B":"4.215","a":"83091.70","A":"3.763","T":1791382994657,"E":1791382994658}""";
    private const string Depth = """{"e":"depthUpdate","E":1618677448364,"T":1618677448348,"s":"KSMUSDT","U":335340590972,"u":335340594459,"pu":335340590665,"b":[["452.220","22.1"]],"a":[["459.328","0.0"]]}""";
    private const string Mark = """{"e":"markPriceUpdate","E":1791382993000,"s":"BTCUSDT","p":"83084.30000000","i":"83123.65891304","r":"0.00000078","T":1791388800000}""";
    private const string Force = """{"e":"forceOrder","E":1791091175227,"o":{"s":"XRPUSDT","S":"BUY","o":"LIMIT","f":"IOC","q":"127.2","p":"1.4984","ap":"1.4912","X":"FILLED","l":"108.1","z":"127.2","T":1791091174219}}""";
    private const string Candle = """{"e":"kline","E":1791382992723,"s":"BTCUSDT","k":{"t":1791382980000,"T":1791383039999,"s":"BTCUSDT","i":"1m","o":"83084.90","c":"83091.60","h":"83091.70","l":"83051.20","v":"13.551","n":1027,"x":false,"q":"1125714.73960"}}""";
    private const string Trade = """{"e":"trade","E":1596240000596,"T":1596240000519,"s":"BTCUSDT","t":173525189,"p":"11343.67","q":"0.467","m":true}""";
    private const string Snapshot = """{"rest":"depth","symbol":"BTCUSDT","data":{"lastUpdateId":11757092217378,"E":1791382991286,"bids":[["83084.30","2.986"]],"asks":[["83084.40","4.632"]]}}""";

    public static TheoryData<string, string> WebSocketCases() => new()
    {
        { "aggTrade truncated", Wrap(AggTrade)[..^12] },
        { "aggTrade price as number", Wrap(AggTrade.Replace("\"p\":\"83091.70\"", "\"p\":83091.70")) },
        { "aggTrade m as string", Wrap(AggTrade.Replace("\"m\":false", "\"m\":\"false\"")) },
        { "aggTrade missing q", Wrap(AggTrade.Replace("\"q\":\"0.022\",", "")) },
        { "aggTrade bad decimal", Wrap(AggTrade.Replace("83091.70", "83091.7x")) },
        { "aggTrade id as float", Wrap(AggTrade.Replace("3477868433", "3477868433.5")) },
        { "aggTrade negative time", Wrap(AggTrade.Replace("1791382992488", "-1")) },
        { "aggTrade time past 9999", Wrap(AggTrade.Replace("1791382992488", "999999999999999999")) },
        { "aggTrade empty symbol", Wrap(AggTrade.Replace("\"BTCUSDT\"", "\"\"")) },
        { "aggTrade symbol with space", Wrap(AggTrade.Replace("\"BTCUSDT\"", "\"BTC USDT\"")) },
        { "bookTicker truncated", Wrap(BookTicker)[..40] },
        { "bookTicker u as string", Wrap(BookTicker.Replace("11757092630476", "\"11757092630476\"")) },
        { "bookTicker missing A", Wrap(BookTicker.Replace("\"A\":\"3.763\",", "")) },
        { "bookTicker bid as null", Wrap(BookTicker.Replace("\"b\":\"83091.60\"", "\"b\":null")) },
        { "depth truncated in levels", Wrap(Depth)[..120] },
        { "depth level with one element", Wrap(Depth.Replace("[\"452.220\",\"22.1\"]", "[\"452.220\"]")) },
        { "depth level quantity as number", Wrap(Depth.Replace("\"22.1\"", "22.1")) },
        { "depth bids as object", Wrap(Depth.Replace("\"b\":[[\"452.220\",\"22.1\"]]", "\"b\":{}")) },
        { "depth missing u", Wrap(Depth.Replace("\"u\":335340594459,", "")) },
        { "depth pu as string", Wrap(Depth.Replace("\"pu\":335340590665", "\"pu\":\"x\"")) },
        { "markPrice truncated", Wrap(Mark)[..^3] },
        { "markPrice missing p", Wrap(Mark.Replace("\"p\":\"83084.30000000\",", "")) },
        { "markPrice rate as number", Wrap(Mark.Replace("\"r\":\"0.00000078\"", "\"r\":0.00000078")) },
        { "markPrice T as string", Wrap(Mark.Replace("\"T\":1791388800000", "\"T\":\"1791388800000\"")) },
        { "forceOrder truncated", Wrap(Force)[..90] },
        { "forceOrder missing order", Wrap(Force[..Force.IndexOf(",\"o\":", StringComparison.Ordinal)] + "}") },
        { "forceOrder order as array", Wrap(Force.Replace("\"o\":{", "\"o\":[{").Replace("}}", "}]}")) },
        { "forceOrder unknown side", Wrap(Force.Replace("\"BUY\"", "\"HOLD\"")) },
        { "forceOrder missing z", Wrap(Force.Replace("\"z\":\"127.2\",", "")) },
        { "kline truncated", Wrap(Candle)[..150] },
        { "kline missing candle", Wrap(Candle[..Candle.IndexOf(",\"k\":", StringComparison.Ordinal)] + "}") },
        { "kline count as string", Wrap(Candle.Replace("\"n\":1027", "\"n\":\"1027\"")) },
        { "kline closed as string", Wrap(Candle.Replace("\"x\":false", "\"x\":\"no\"")) },
        { "kline missing close", Wrap(Candle.Replace("\"c\":\"83091.60\",", "")) },
        { "trade missing id", Wrap(Trade.Replace("\"t\":173525189,", "")) },
        { "trade truncated", Wrap(Trade)[..^1] },
        { "event type as number", Wrap(AggTrade.Replace("\"e\":\"aggTrade\"", "\"e\":7")) },
        { "wrapper data null", """{"stream":"btcusdt@aggTrade","data":null}""" },
        { "wrapper data string", """{"stream":"btcusdt@aggTrade","data":"x"}""" },
        { "wrapper without data", """{"stream":"btcusdt@aggTrade"}""" },
        { "wrapper stream as number", "{\"stream\":1,\"data\":" + AggTrade + "}" },
        { "array of numbers", "[1,2]" },
        { "array with a broken row", "[" + Mark + "," + Mark.Replace("\"p\":\"83084.30000000\",", "") + "]" },
        { "trailing garbage", Wrap(AggTrade) + "x" },
        { "two values", Wrap(AggTrade) + Wrap(AggTrade) },
        { "empty", "" },
        { "whitespace", "   \n " },
        { "json null", "null" },
        { "json number", "42" },
        { "json string", "\"aggTrade\"" },
        { "not json", "hello binance" },
        { "deep nesting", new string('[', 200) + new string(']', 200) },
        { "trailing comma", Wrap(AggTrade.Replace("\"m\":false}", "\"m\":false,}")) },
        { "comment", "/* c */" + Wrap(AggTrade) },
        { "unknown kind broken inside", """{"e":"24hrTicker","E":1,"s":"X","p":[1,}""" },
        { "control reply broken", """{"result":null,"id":}""" },
    };

    public static TheoryData<string, string> RestCases() => new()
    {
        { "envelope truncated", Snapshot[..^20] },
        { "envelope missing symbol", Snapshot.Replace("\"symbol\":\"BTCUSDT\",", "") },
        { "envelope missing rest", Snapshot.Replace("\"rest\":\"depth\",", "") },
        { "envelope rest as number", Snapshot.Replace("\"rest\":\"depth\"", "\"rest\":1") },
        { "envelope without data", """{"rest":"depth","symbol":"BTCUSDT"}""" },
        { "envelope data as array", """{"rest":"depth","symbol":"BTCUSDT","data":[]}""" },
        { "snapshot missing lastUpdateId", Snapshot.Replace("\"lastUpdateId\":11757092217378,", "") },
        { "snapshot price as number", Snapshot.Replace("\"83084.30\"", "83084.30") },
        { "snapshot missing asks", Snapshot.Replace(",\"asks\":[[\"83084.40\",\"4.632\"]]", "") },
        { "open interest missing value", """{"rest":"openInterest","symbol":"BTCUSDT","data":{"symbol":"BTCUSDT","time":1}}""" },
        { "empty", "" },
        { "not json", "<html>403</html>" },
        { "array", "[]" },
    };

    [Theory]
    [MemberData(nameof(WebSocketCases))]
    public void Decoder_must_report_a_broken_websocket_frame_as_malformed(string name, string payload) =>
        AssertMalformed(name, WebSocket(payload));

    [Theory]
    [MemberData(nameof(RestCases))]
    public void Decoder_must_report_a_broken_rest_frame_as_malformed(string name, string payload) =>
        AssertMalformed(name, Rest(Encoding.UTF8.GetBytes(payload)));

    [Fact]
    public void Decoder_must_report_invalid_utf8_in_a_symbol_as_malformed()
    {
        var payload = Encoding.UTF8.GetBytes(Wrap(AggTrade.Replace("BTCUSDT", "BTC\u00e9USDT")));
        // Replace the two UTF-8 bytes of é with a lone continuation byte pair that is not valid UTF-8.
        var at = Array.IndexOf(payload, (byte)0xC3);
        payload[at] = 0xFF;

        AssertMalformed("invalid utf-8", WebSocket(payload));
    }

    [Fact]
    public void Decoder_must_report_garbage_bytes_and_unknown_frame_kinds_as_malformed()
    {
        AssertMalformed("garbage", WebSocket(new byte[] { 0xFF, 0xFE, 0x00, 0x7B, 0x80, 0x22 }));
        AssertMalformed("unknown kind", new RawFrame("s0/public", 1, TsInit, (RawFrameKind)99, Bytes("futures-aggTrade.json")));
    }

    [Theory]
    [InlineData("futures-aggTrade.json")]
    [InlineData("futures-depthUpdate.json")]
    [InlineData("futures-markPrice-arr.json")]
    [InlineData("futures-forceOrder.json")]
    [InlineData("futures-kline_1m.json")]
    [InlineData("combined-stream-wrapper.json")]
    public void Decoder_must_report_every_truncation_of_a_frame_as_malformed(string file)
    {
        var bytes = Bytes(file).AsSpan().TrimEnd("\r\n"u8).ToArray();
        for (var length = 0; length < bytes.Length; length++)
            AssertMalformed($"{file}[..{length}]", WebSocket(bytes[..length]));
    }

    [Fact]
    public void Decoder_must_never_throw_on_mutated_frames()
    {
        var random = new Random(20260101);
        var decoder = new BinanceFrameDecoder();
        var sources = new[] { "futures-aggTrade.json", "futures-depthUpdate.json", "futures-markPrice-arr.json", "futures-kline_1m.json", "futures-forceOrder.json" }
            .Select(Bytes).ToArray();
        for (var i = 0; i < 5000; i++)
        {
            var bytes = (byte[])sources[i % sources.Length].Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            var output = new List<MarketEvent>();

            var outcome = decoder.Decode(WebSocket(bytes), output);

            Assert.True(Enum.IsDefined(outcome));
            Assert.True(outcome == DecodeOutcome.Events || output.Count == 0);
        }
    }

    private static string Wrap(string data) => "{\"stream\":\"x@y\",\"data\":" + data + "}";

    private static void AssertMalformed(string name, RawFrame frame)
    {
        var output = new List<MarketEvent>();
        DecodeOutcome outcome = default;
        var thrown = Record.Exception(() => outcome = new BinanceFrameDecoder().Decode(frame, output));

        Assert.Null(thrown);
        Assert.True(outcome == DecodeOutcome.Malformed, $"{name}: expected Malformed, got {outcome}");
        Assert.Empty(output);
    }
}
