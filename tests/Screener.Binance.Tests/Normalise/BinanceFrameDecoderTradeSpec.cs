using Screener.Contracts;
using Screener.Contracts.Market;
using static Screener.Binance.Tests.Fixture;

namespace Screener.Binance.Tests.Normalise;

public sealed class BinanceFrameDecoderTradeSpec
{
    [Fact]
    public void Decoder_must_map_every_field_of_a_2026_futures_aggTrade()
    {
        var trade = SingleFromFile<Trade>("futures-aggTrade.json");

        var expected = new Trade("BTCUSDT", Ms(1791382992488), TsInit, Sequence,
            TradeId: 3477868433, Price: 83091.70m, Quantity: 0.022m, Aggressor: Side.Buy, TsTrade: Ms(1791382992338));
        Assert.Equal(expected, trade);
    }

    [Fact]
    public void Decoder_must_make_the_aggressor_a_seller_when_the_buyer_was_maker()
    {
        var trade = SingleFromFile<Trade>("futures-aggTrade-2021.json");

        var expected = new Trade("KSMUSDT", Ms(1618677448812), TsInit, Sequence,
            TradeId: 21396959, Price: 459.211m, Quantity: 1.7m, Aggressor: Side.Sell, TsTrade: Ms(1618677448808));
        Assert.Equal(expected, trade);
    }

    [Fact]
    public void Decoder_must_keep_the_exact_decimal_text_of_prices()
    {
        var trade = SingleFromFile<Trade>("futures-aggTrade.json");

        // Parsed from the string, never through double: the scale of "83091.70" survives.
        Assert.Equal("83091.70", trade.Price.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0.022", trade.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Decoder_must_map_a_spot_aggTrade()
    {
        var trade = SingleFromFile<Trade>("spot-aggTrade.json");

        var expected = new Trade("NKNUSDT", Ms(1633998523963), TsInit, Sequence,
            15683430, 0.35280000m, 58.00000000m, Side.Buy, Ms(1633998523963));
        Assert.Equal(expected, trade);
    }

    [Fact]
    public void Decoder_must_map_a_futures_raw_trade_by_its_trade_id()
    {
        var trade = SingleFromFile<Trade>("futures-trade.json");

        var expected = new Trade("BTCUSDT", Ms(1596240000596), TsInit, Sequence,
            173525189, 11343.67m, 0.467m, Side.Sell, Ms(1596240000519));
        Assert.Equal(expected, trade);
    }

    [Fact]
    public void Decoder_must_ignore_the_legacy_order_ids_of_a_spot_trade()
    {
        // Spot @trade carried b/a (order ids, numbers) until 2024: they must not be read as prices.
        var trade = SingleFromFile<Trade>("spot-trade-legacy.json");

        var expected = new Trade("BNBBTC", Ms(1554076800945), TsInit, Sequence,
            40756030, 0.00426990m, 33.82000000m, Side.Buy, Ms(1554076800940));
        Assert.Equal(expected, trade);
    }

    [Fact]
    public void Decoder_must_not_depend_on_the_position_of_the_event_type_key()
    {
        // Derived from futures-aggTrade.json: "e" moved to the end and an unknown key added.
        const string reordered =
            """{"stream":"btcusdt@aggTrade","data":{"E":1791382992488,"a":3477868433,"s":"BTCUSDT","p":"83091.70","q":"0.022","x-new":{"deep":[1,2]},"f":8153634393,"l":8153634394,"T":1791382992338,"m":false,"st":1,"e":"aggTrade"}}""";

        Assert.Equal(SingleFromFile<Trade>("futures-aggTrade.json"), Single<Trade>(WebSocket(reordered)));
    }

    [Fact]
    public void Decoder_must_decode_a_bare_payload_without_the_combined_wrapper()
    {
        var bare = """{"e":"aggTrade","E":1618677448812,"a":21396959,"s":"KSMUSDT","p":"459.211","q":"1.7","f":25426551,"l":25426551,"T":1618677448808,"m":true}""";

        Assert.Equal(SingleFromFile<Trade>("futures-aggTrade-2021.json"), Single<Trade>(WebSocket(bare)));
    }

    [Fact]
    public void Decoder_must_uppercase_a_lowercase_symbol()
    {
        var lower = """{"e":"aggTrade","E":1,"a":1,"s":"ksmusdt","p":"1","q":"1","T":1,"m":true}""";

        Assert.Equal("KSMUSDT", Single<Trade>(WebSocket(lower)).Symbol);
    }

    [Fact]
    public void Decoder_must_share_one_symbol_string_across_frames()
    {
        var decoder = new Screener.Binance.Normalise.BinanceFrameDecoder();
        var first = Decode(WebSocket(Bytes("futures-aggTrade.json")), decoder).Events[0];
        var second = Decode(WebSocket(Bytes("futures-bookTicker.json")), decoder).Events[0];

        Assert.Same(first.Symbol, second.Symbol);
    }

    [Fact]
    public void Decoder_must_skip_COIN_M_rows()
    {
        var coinM = """{"e":"aggTrade","E":1,"a":1,"s":"BTCUSD_PERP","p":"1","q":"1","T":1,"m":true,"st":2}""";

        var (outcome, events) = Decode(WebSocket(coinM));

        Assert.Equal(DecodeOutcome.Unknown, outcome);
        Assert.Empty(events);
    }
}
