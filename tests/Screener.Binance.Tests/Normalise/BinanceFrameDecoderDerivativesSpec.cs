using Screener.Contracts;
using Screener.Contracts.Market;
using static Screener.Binance.Tests.Fixture;

namespace Screener.Binance.Tests.Normalise;

/// <summary>Mark price, liquidations and klines.</summary>
public sealed class BinanceFrameDecoderDerivativesSpec
{
    [Fact]
    public void Decoder_must_map_every_field_of_a_2026_markPrice()
    {
        var mark = SingleFromFile<MarkPrice>("futures-markPrice.json");

        var expected = new MarkPrice("BTCUSDT", Ms(1791382993000), TsInit, Sequence,
            Mark: 83084.30000000m, IndexPrice: 83123.65891304m, FundingRate: 0.00000078m, NextFundingTime: Ms(1791388800000));
        Assert.Equal(expected, mark);
    }

    [Fact]
    public void Decoder_must_map_a_2020_markPrice_without_ap_P_or_st()
    {
        var mark = SingleFromFile<MarkPrice>("futures-markPrice-legacy.json");

        var expected = new MarkPrice("BTCUSDT", Ms(1597536008000), TsInit, Sequence,
            11857.56000000m, 11851.86949091m, 0.00015640m, Ms(1597564800000));
        Assert.Equal(expected, mark);
    }

    [Fact]
    public void Decoder_must_leave_the_index_price_null_when_i_is_absent()
    {
        // futures-markPrice-legacy.json with "i" removed: the 2019 shape (the stored legacy vector still has i).
        var noIndex = """{"stream":"btcusdt@markPrice@1s","data":{"e":"markPriceUpdate","E":1597536008000,"s":"BTCUSDT","p":"11857.56000000","r":"0.00015640","T":1597564800000}}""";

        var mark = Single<MarkPrice>(WebSocket(noIndex));

        Assert.Equal(new MarkPrice("BTCUSDT", Ms(1597536008000), TsInit, Sequence, 11857.56m, null, 0.0001564m, Ms(1597564800000)), mark);
    }

    [Fact]
    public void Decoder_must_keep_zero_next_funding_and_empty_rate_as_zero()
    {
        // Delivery contracts: no funding, so T is 0 and r is empty.
        var delivery = """{"e":"markPriceUpdate","E":1791382992684,"s":"BTCUSDT_261225","p":"84000.1","i":"83999.9","P":"84001.0","r":"","T":0}""";

        var mark = Single<MarkPrice>(WebSocket(delivery));

        Assert.Equal(0, mark.NextFundingTime);
        Assert.Equal(0m, mark.FundingRate);
    }

    [Fact]
    public void Decoder_must_emit_one_mark_price_per_array_row()
    {
        var (outcome, events) = DecodeFile("futures-markPrice-arr.json");

        Assert.Equal(DecodeOutcome.Events, outcome);
        Assert.Equal(
            new MarketEvent[]
            {
                new MarkPrice("XAUUSDT", Ms(1791382992684), TsInit, Sequence, 4103.92233180m, 4100.14187735m, 0.00019799m, Ms(1791388800000)),
                new MarkPrice("XAGUSDT", Ms(1791382992684), TsInit, Sequence, 59.63000000m, 59.59645451m, 0.00013008m, Ms(1791388800000)),
            },
            events);
    }

    [Fact]
    public void Decoder_must_drop_COIN_M_rows_from_an_array()
    {
        // futures-markPrice-arr.json plus a COIN-M row (st 2) as seen in 2026 captures.
        var frame = Text("futures-markPrice-arr.json").Trim().Replace(
            "\"data\":[",
            "\"data\":[{\"e\":\"markPriceUpdate\",\"E\":1791382992684,\"s\":\"BTCUSD_PERP\",\"ps\":\"BTCUSD\",\"p\":\"83090.1\",\"i\":\"83100.2\",\"P\":\"83100.0\",\"r\":\"0.00010000\",\"T\":1791388800000,\"st\":2},",
            StringComparison.Ordinal);

        var (outcome, events) = Decode(WebSocket(frame));

        Assert.Equal(DecodeOutcome.Events, outcome);
        Assert.Equal(new[] { "XAUUSDT", "XAGUSDT" }, events.Select(e => e.Symbol));
    }

    [Fact]
    public void Decoder_must_call_an_array_of_only_COIN_M_rows_unknown()
    {
        var frame = """[{"e":"markPriceUpdate","E":1,"s":"BTCUSD_PERP","p":"1","r":"0","T":0,"st":2}]""";

        Assert.Equal(DecodeOutcome.Unknown, Decode(WebSocket(frame)).Outcome);
    }

    [Fact]
    public void Decoder_must_map_every_field_of_a_2026_forceOrder()
    {
        var liquidation = SingleFromFile<Liquidation>("futures-forceOrder.json");

        var expected = new Liquidation("XRPUSDT", Ms(1791091175227), TsInit, Sequence,
            Side: Side.Buy, Price: 1.4984m, AveragePrice: 1.4912m, Quantity: 127.2m, FilledQuantity: 127.2m,
            Status: "FILLED", TsTrade: Ms(1791091174219));
        Assert.Equal(expected, liquidation);
    }

    [Fact]
    public void Decoder_must_map_a_2020_forceOrder_using_z_for_the_filled_quantity()
    {
        // The stored legacy vector has l (0.015) > z (0.014); z is the cumulative fill the contract asks for.
        var liquidation = SingleFromFile<Liquidation>("futures-forceOrder-legacy.json");

        var expected = new Liquidation("BTCUSDT", Ms(1584059031426), TsInit, Sequence,
            Side.Buy, 4793.91m, 4706.04m, 0.014m, 0.014m, "FILLED", Ms(1584059031421));
        Assert.Equal(expected, liquidation);
    }

    [Fact]
    public void Decoder_must_map_a_sell_liquidation()
    {
        var sell = Text("futures-forceOrder.json").Replace("\"S\":\"BUY\"", "\"S\":\"SELL\"", StringComparison.Ordinal);

        Assert.Equal(Side.Sell, Single<Liquidation>(WebSocket(sell)).Side);
    }

    [Fact]
    public void Decoder_must_map_every_field_of_a_2026_kline()
    {
        var kline = SingleFromFile<Kline>("futures-kline_1m.json");

        var expected = new Kline("BTCUSDT", Ms(1791382992723), TsInit, Sequence,
            Interval: "1m", OpenTime: Ms(1791382980000), CloseTime: Ms(1791383039999),
            Open: 83084.90m, High: 83091.70m, Low: 83051.20m, Close: 83091.60m,
            Volume: 13.551m, QuoteVolume: 1125714.73960m, TradeCount: 1027, IsClosed: false);
        Assert.Equal(expected, kline);
    }

    [Fact]
    public void Decoder_must_map_a_2021_kline()
    {
        var kline = SingleFromFile<Kline>("futures-kline_1m-2021.json");

        var expected = new Kline("XMRUSDT", Ms(1618677476883), TsInit, Sequence, "1m",
            Ms(1618677420000), Ms(1618677479999), 352.86m, 352.93m, 352.40m, 352.56m, 38.183m, 13463.64001m, 48, false);
        Assert.Equal(expected, kline);
    }

    [Fact]
    public void Decoder_must_mark_a_closed_kline()
    {
        var closed = Text("futures-kline_1m.json").Replace("\"x\":false", "\"x\":true", StringComparison.Ordinal);

        Assert.True(Single<Kline>(WebSocket(closed)).IsClosed);
    }
}
