using System.Globalization;
using System.Text;
using System.Text.Json;
using Screener.Contracts.Market;
using Screener.Contracts.Serialization;
using Xunit;

namespace Screener.Contracts.Tests.Serialization;

/// <summary>Every contract survives the journal and the wire: Serialize, ManifestOf, Deserialize.</summary>
public sealed class ContractSerializerSpec
{
    [Theory]
    [MemberData(nameof(ContractSamples.Names), MemberType = typeof(ContractSamples))]
    public void ContractSerializer_must_round_trip_every_contract_to_an_equal_record(string sample)
    {
        var original = ContractSamples.All[sample];

        var restored = RoundTrip(original);

        Assert.IsType(original.GetType(), restored);
        Assert.Equal(original, restored);
        // Canonical form: the restored record writes the very same bytes, so journals can be compared and hashed.
        Assert.Equal(ContractSerializer.ToJson(original), ContractSerializer.ToJson(restored));
    }

    [Fact]
    public void ContractSerializer_must_have_a_round_trip_sample_for_every_contract_type()
    {
        // A new contract (or MarketEvent kind) without a sample would ship without a round-trip test.
        var contracts = typeof(IScreenerMessage).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IScreenerMessage).IsAssignableFrom(t));
        var sampled = ContractSamples.All.Values.Select(m => m.GetType()).ToHashSet();

        Assert.Empty(contracts.Where(t => !sampled.Contains(t)).Select(t => t.Name));
    }

    [Fact]
    public void ContractSerializer_must_keep_the_scale_of_decimal_prices_and_quantities()
    {
        // Decimal equality ignores scale (83091.70m == 83091.7m), so record equality alone cannot catch this.
        var trade = RoundTrip(ContractSamples.Trade);
        var diff = RoundTrip(ContractSamples.FuturesDepthDiff);
        var mark = RoundTrip(ContractSamples.MarkPrice);
        var kline = RoundTrip(ContractSamples.Kline);

        Assert.Equal("83091.70", Text(trade.Price));
        Assert.Equal("0.000", Text(diff.Bids[1].Quantity));
        Assert.Equal("0.00010000", Text(mark.FundingRate));
        Assert.Equal("34268841.77310", Text(kline.QuoteVolume));
    }

    [Fact]
    public void ContractSerializer_must_keep_raw_frame_payload_bytes_exactly()
    {
        var frame = RoundTrip(ContractSamples.WebSocketFrame);

        Assert.Equal(ContractSamples.WebSocketFrame.Payload.ToArray(), frame.Payload.ToArray());
        Assert.Equal(RawFrameKind.WebSocket, frame.Kind);
    }

    [Fact]
    public void ContractSerializer_must_reject_a_trade_row_that_lost_its_price()
    {
        // A damaged journal row must fail loudly: a Trade at price 0 would flow into features as real data.
        var json = Encoding.UTF8.GetString(ContractSerializer.ToJson(ContractSamples.Trade));
        var damaged = Encoding.UTF8.GetBytes(json.Replace("\"price\":83091.70,", ""));

        Assert.Throws<JsonException>(() => ContractSerializer.Deserialize(damaged, ContractSerializer.MarketEventV1));
    }

    private static T RoundTrip<T>(T message) where T : IScreenerMessage =>
        (T)ContractSerializer.Deserialize(ContractSerializer.Serialize(message), ContractSerializer.ManifestOf(message));

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
