using System.Text;
using Screener.Binance.Wire;
using Screener.Contracts.Market;
using static Screener.Binance.Tests.Fixture;

namespace Screener.Binance.Tests.Wire;

public sealed class BinanceWireParserSpec
{
    private readonly SymbolCache _symbols = new();
    private readonly ParsedFrame _parsed = new();

    [Fact]
    public void Parser_must_read_every_field_of_a_futures_aggTrade_and_its_stream_name()
    {
        var frame = Bytes("futures-aggTrade.json");

        Assert.True(BinanceWireParser.TryParse(frame, _symbols, _parsed));

        Assert.Equal(BinanceEventType.AggTrade, _parsed.Kind);
        Assert.Equal("btcusdt@aggTrade", Encoding.UTF8.GetString(_parsed.StreamName(frame)));
        Assert.Equal(("BTCUSDT", 1791382992488L, 3477868433L), (_parsed.Symbol, _parsed.EventTimeMs!.Value, _parsed.Id));
        Assert.Equal("83091.70", _parsed.Price.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0.022m, _parsed.Quantity);
        Assert.Equal(1791382992338L, _parsed.TradeTimeMs);
        Assert.False(_parsed.BuyerIsMaker);
        Assert.Equal(1L, _parsed.SymbolType);
    }

    [Fact]
    public void Parser_must_read_a_depthUpdate_into_its_level_buffers()
    {
        Assert.True(BinanceWireParser.TryParse(Bytes("futures-depthUpdate.json"), _symbols, _parsed));

        Assert.Equal(BinanceEventType.DepthUpdate, _parsed.Kind);
        Assert.Equal((335340590972L, 335340594459L, (long?)335340590665L),
            (_parsed.FirstUpdateId, _parsed.FinalUpdateId, _parsed.PreviousFinalUpdateId));
        Assert.Equal(12, _parsed.Bids.Count);
        Assert.Equal(11, _parsed.Asks.Count);
        Assert.Equal(L("452.220", "22.1"), _parsed.Bids.AsSpan()[0]);
        Assert.Equal(L("460.429", "0.0"), _parsed.Asks.AsSpan()[^1]);
    }

    [Fact]
    public void Parser_must_read_a_spot_bookTicker_without_event_type_or_time()
    {
        Assert.True(BinanceWireParser.TryParse(Bytes("combined-stream-wrapper.json"), _symbols, _parsed));

        Assert.Equal(BinanceEventType.BookTicker, _parsed.Kind);
        Assert.Null(_parsed.EventTimeMs);
        Assert.Equal(("BLZETH", 281916636L, 0.00006547m, 1528m), (_parsed.Symbol, _parsed.Id, _parsed.BidPrice, _parsed.AskQuantity));
    }

    [Fact]
    public void Parser_must_read_a_markPrice_with_empty_rate_and_no_index()
    {
        var frame = """{"e":"markPriceUpdate","E":1,"s":"BTCUSDT_261225","p":"84000.1","P":"84001.0","r":"","T":0}"""u8;

        Assert.True(BinanceWireParser.TryParse(frame, _symbols, _parsed));

        Assert.Equal(BinanceEventType.MarkPriceUpdate, _parsed.Kind);
        Assert.False(_parsed.HasStream);
        Assert.Null(_parsed.IndexPrice);
        Assert.Null(_parsed.FundingRate);
        Assert.Equal(0, _parsed.NextFundingTimeMs);
    }

    [Fact]
    public void Parser_must_reset_every_field_between_frames()
    {
        Assert.True(BinanceWireParser.TryParse(Bytes("futures-depthUpdate.json"), _symbols, _parsed));
        Assert.True(BinanceWireParser.TryParse(Bytes("spot-depthUpdate.json"), _symbols, _parsed));

        Assert.Null(_parsed.PreviousFinalUpdateId);
        Assert.Null(_parsed.SymbolType);
        Assert.Equal(1, _parsed.Bids.Count);
    }

    public static TheoryData<string, string> DeclinedShapes() => new()
    {
        { "whitespace", """{"e": "aggTrade","E":1,"a":1,"s":"X","p":"1","q":"1","T":1,"m":true}""" },
        { "event type not first", """{"E":1,"e":"aggTrade","a":1,"s":"X","p":"1","q":"1","T":1,"m":true}""" },
        { "escaped symbol", """{"e":"aggTrade","E":1,"a":1,"s":"\u0058","p":"1","q":"1","T":1,"m":true}""" },
        { "nested unknown value", """{"e":"aggTrade","E":1,"a":1,"s":"X","p":"1","q":"1","T":1,"m":true,"x":{}}""" },
        { "missing key", """{"e":"aggTrade","E":1,"a":1,"s":"X","p":"1","T":1,"m":true}""" },
        { "price as number", """{"e":"aggTrade","E":1,"a":1,"s":"X","p":1,"q":"1","T":1,"m":true}""" },
        { "negative id", """{"e":"aggTrade","E":1,"a":-1,"s":"X","p":"1","q":"1","T":1,"m":true}""" },
        { "leading zero", """{"e":"aggTrade","E":01,"a":1,"s":"X","p":"1","q":"1","T":1,"m":true}""" },
        { "time past 9999", """{"e":"aggTrade","E":999999999999999999,"a":1,"s":"X","p":"1","q":"1","T":1,"m":true}""" },
        { "trailing garbage", """{"e":"aggTrade","E":1,"a":1,"s":"X","p":"1","q":"1","T":1,"m":true}x""" },
        { "other kind", """{"e":"24hrTicker","E":1,"s":"X"}""" },
        { "array", """[{"e":"markPriceUpdate","E":1,"s":"A","p":"1","r":"0","T":0}]""" },
        { "control reply", """{"result":null,"id":1}""" },
        { "data before stream", """{"data":{"u":1,"s":"X","b":"1","B":"1","a":"1","A":"1"},"stream":"x@bookTicker"}""" },
        { "partial depth", """{"stream":"btcusdt@depth20@100ms","data":{"e":"depthUpdate","E":1,"s":"X","U":1,"u":2,"b":[],"a":[]}}""" },
        { "spot bookTicker with e later", """{"u":1,"s":"X","b":"1","B":"1","a":"1","A":"1","e":"trade"}""" },
        { "spot bookTicker with a result key", """{"u":1,"s":"X","b":"1","B":"1","a":"1","A":"1","result":null}""" },
        { "level with three elements", """{"e":"depthUpdate","E":1,"s":"X","U":1,"u":2,"b":[["1","2","3"]],"a":[]}""" },
        { "truncated", """{"e":"aggTrade","E":1,"a":1,"s":"X","p":"1","q":"1","T":1,"m":tr""" },
    };

    [Theory]
    [MemberData(nameof(DeclinedShapes))]
    public void Parser_must_decline_frames_outside_its_shape(string name, string frame) =>
        Assert.False(BinanceWireParser.TryParse(Encoding.UTF8.GetBytes(frame), _symbols, _parsed), name);

    [Fact]
    public void Parser_must_not_allocate_once_symbols_are_known()
    {
        var frames = new[] { "futures-aggTrade.json", "futures-bookTicker.json", "futures-depthUpdate.json", "futures-markPrice.json" }
            .Select(Bytes).ToArray();
        foreach (var frame in frames) Assert.True(BinanceWireParser.TryParse(frame, _symbols, _parsed));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++) BinanceWireParser.TryParse(frames[i % frames.Length], _symbols, _parsed);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
