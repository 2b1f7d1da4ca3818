using System.Text;
using Screener.Binance.Transport;
using Screener.Contracts;
using Screener.Contracts.Market;
using static Screener.Binance.Tests.Fixture;

namespace Screener.Binance.Tests.Normalise;

/// <summary>The row-list REST envelopes: premiumIndex → MarkPrice, fundingInfo → FundingInterval.</summary>
public sealed class BinanceFrameDecoderRestSpec
{
    private const string CoinMarginedPremium =
        """{"symbol":"BTCUSD_PERP","markPrice":"83090.1","indexPrice":"83100.2","estimatedSettlePrice":"83100.0","lastFundingRate":"0.00010000","interestRate":"0.0001","nextFundingTime":1791388800000,"time":1791382985000}""";

    [Fact]
    public void Decoder_must_turn_an_all_symbol_premiumIndex_into_one_mark_price_per_row()
    {
        var (outcome, events) = Decode(Rest(RestEnvelope.Create("premiumIndex", "*", Bytes("futures-premiumIndex.json"))));

        Assert.Equal(DecodeOutcome.Events, outcome);
        Assert.Equal(
            new MarketEvent[]
            {
                new MarkPrice("BTCUSDT", Ms(1791382985000), TsInit, Sequence, 83067.30000000m, 83114.69956522m, 0.00000078m, Ms(1791388800000)),
                new MarkPrice("XAUUSDT", Ms(1791382984684), TsInit, Sequence, 4102.86000000m, 4099.25528349m, 0.00019799m, Ms(1791388800000)),
            },
            events);
    }

    [Fact]
    public void Decoder_must_turn_a_one_symbol_premiumIndex_object_into_a_mark_price()
    {
        var row = """{"symbol":"BTCUSDT","markPrice":"83067.3","indexPrice":"83114.7","estimatedSettlePrice":"1","lastFundingRate":"-0.0001","interestRate":"0.0001","nextFundingTime":1791388800000,"time":1791382985000}""";

        var mark = Single<MarkPrice>(Rest(RestEnvelope.Create("premiumIndex", "BTCUSDT", Encoding.UTF8.GetBytes(row))));

        Assert.Equal(new MarkPrice("BTCUSDT", Ms(1791382985000), TsInit, Sequence, 83067.3m, 83114.7m, -0.0001m, Ms(1791388800000)), mark);
    }

    [Fact]
    public void Decoder_must_read_a_delivery_contract_premiumIndex_row_with_no_funding()
    {
        var row = """[{"symbol":"BTCUSDT_261225","markPrice":"84000.1","indexPrice":"83999.9","estimatedSettlePrice":"84001.0","lastFundingRate":"","interestRate":"","nextFundingTime":0,"time":1791382985000}]""";

        var mark = Single<MarkPrice>(Rest(RestEnvelope.Create("premiumIndex", "*", Encoding.UTF8.GetBytes(row))));

        Assert.Equal((0m, 0L), (mark.FundingRate, mark.NextFundingTime));
    }

    [Fact]
    public void Decoder_must_drop_COIN_M_rows_from_an_all_symbol_premiumIndex()
    {
        var body = Text("futures-premiumIndex.json").Trim();
        var withCoinM = "[" + CoinMarginedPremium + ","
            + CoinMarginedPremium.Replace("BTCUSD_PERP", "ETHUSD_261225", StringComparison.Ordinal).Replace("\"time\"", "\"st\":2,\"time\"", StringComparison.Ordinal)
            + "," + body[1..];

        var (outcome, events) = Decode(Rest(RestEnvelope.Create("premiumIndex", "*", Encoding.UTF8.GetBytes(withCoinM))));

        Assert.Equal(DecodeOutcome.Events, outcome);
        Assert.Equal(new[] { "BTCUSDT", "XAUUSDT" }, events.Select(e => e.Symbol));
    }

    [Theory]
    [InlineData("[" + CoinMarginedPremium + "]")]
    [InlineData("[]")]
    public void Decoder_must_call_a_premiumIndex_list_with_nothing_of_ours_unknown(string body)
    {
        var (outcome, events) = Decode(Rest(RestEnvelope.Create("premiumIndex", "*", Encoding.UTF8.GetBytes(body))));

        Assert.Equal(DecodeOutcome.Unknown, outcome);
        Assert.Empty(events);
    }

    [Fact]
    public void Decoder_must_turn_fundingInfo_into_one_funding_interval_per_row_at_receive_time()
    {
        var (outcome, events) = Decode(Rest(RestEnvelope.Create("fundingInfo", "*", Bytes("futures-fundingInfo.json"))));

        Assert.Equal(DecodeOutcome.Events, outcome);
        Assert.Equal(
            new MarketEvent[]
            {
                new FundingInterval("XAUUSDT", TsInit, TsInit, Sequence, 4),
                new FundingInterval("BTCUSDT", TsInit, TsInit, Sequence, 8),
            },
            events);
    }

    [Fact]
    public void Decoder_must_drop_COIN_M_perpetuals_from_fundingInfo()
    {
        var body = """[{"symbol":"BTCUSD_PERP","adjustedFundingRateCap":"0.003","adjustedFundingRateFloor":"-0.003","fundingIntervalHours":8,"disclaimer":false,"updateTime":null},"""
            + Text("futures-fundingInfo.json").Trim()[1..];

        var (_, events) = Decode(Rest(RestEnvelope.Create("fundingInfo", "*", Encoding.UTF8.GetBytes(body))));

        Assert.Equal(new[] { "XAUUSDT", "BTCUSDT" }, events.Select(e => e.Symbol));
    }

    [Fact]
    public void Decoder_must_drop_COIN_M_perpetuals_from_websocket_arrays_even_without_st()
    {
        var frame = Text("futures-markPrice-arr.json").Trim().Replace(
            "\"data\":[",
            "\"data\":[{\"e\":\"markPriceUpdate\",\"E\":1791382992684,\"s\":\"BTCUSD_PERP\",\"p\":\"83090.1\",\"i\":\"83100.2\",\"r\":\"0.0001\",\"T\":1791388800000},",
            StringComparison.Ordinal);

        var (outcome, events) = Decode(WebSocket(frame));

        Assert.Equal(DecodeOutcome.Events, outcome);
        Assert.Equal(new[] { "XAUUSDT", "XAGUSDT" }, events.Select(e => e.Symbol));
    }

    public static TheoryData<string, string> BrokenRows() => new()
    {
        { "premiumIndex", """[{"symbol":"BTCUSDT","indexPrice":"1","lastFundingRate":"0","nextFundingTime":0,"time":1}]""" },
        { "premiumIndex", """[{"symbol":"BTCUSDT","markPrice":1,"lastFundingRate":"0","nextFundingTime":0,"time":1}]""" },
        { "premiumIndex", """[{"symbol":"BTCUSDT","markPrice":"1","lastFundingRate":"0","nextFundingTime":0}]""" },
        { "premiumIndex", """[{"symbol":"BTCUSDT","markPrice":"1","lastFundingRate":"0","nextFundingTime":0,"time":1},2]""" },
        { "premiumIndex", "\"x\"" },
        { "fundingInfo", """[{"symbol":"BTCUSDT","fundingIntervalHours":0}]""" },
        { "fundingInfo", """[{"symbol":"BTCUSDT","fundingIntervalHours":"8"}]""" },
        { "fundingInfo", """[{"symbol":"BTCUSDT","fundingIntervalHours":8.5}]""" },
        { "fundingInfo", """[{"symbol":"BTCUSDT"}]""" },
        { "fundingInfo", """[{"fundingIntervalHours":8}]""" },
    };

    [Theory]
    [MemberData(nameof(BrokenRows))]
    public void Decoder_must_report_a_list_with_a_broken_row_as_malformed(string kind, string body)
    {
        var (outcome, events) = Decode(Rest(RestEnvelope.Create(kind, "*", Encoding.UTF8.GetBytes(body))));

        Assert.Equal(DecodeOutcome.Malformed, outcome);
        Assert.Empty(events);
    }

    [Fact]
    public void Decoder_must_report_an_envelope_with_two_bodies_as_malformed()
    {
        var frame = """{"rest":"fundingInfo","symbol":"*","data":[],"data":[{"symbol":"BTCUSDT","fundingIntervalHours":8}]}""";

        Assert.Equal(DecodeOutcome.Malformed, Decode(Rest(Encoding.UTF8.GetBytes(frame))).Outcome);
    }
}
