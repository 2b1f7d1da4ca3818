using System.Text;
using Screener.Contracts.Serialization;
using Xunit;

namespace Screener.Contracts.Tests.Serialization;

/// <summary>
/// Golden wire forms. Journals written today must stay readable, so a renamed property, an enum written as a
/// number or a changed discriminator fails here. An intended change gets a new manifest version, not an edit.
/// </summary>
public sealed class CanonicalJsonSpec
{
    [Fact]
    public void CanonicalJson_must_pin_the_trade_wire_form()
    {
        const string golden =
            """{"kind":"trade","tradeId":2604871905,"price":83091.70,"quantity":0.015,"aggressor":"Sell","tsTrade":639269797924860000,"symbol":"BTCUSDT","tsEvent":639269797924880000,"tsInit":639269797924910000,"sequence":1204518}""";

        AssertGolden(golden, ContractSamples.Trade, ContractSerializer.MarketEventV1);
    }

    [Fact]
    public void CanonicalJson_must_pin_the_rank_event_wire_form()
    {
        const string golden =
            """{"time":639269797922500000,"kind":"SYMBOL_ENTER","symbol":"BTCUSDT","rank":1,"score":8.7,"profile":"taker","horizonSeconds":60,"modelVersion":"gbm-2026-11-20","reasonCodes":["OFI_SURGE","VOL_EXPANSION"],"statusLabel":"IN PLAY"}""";

        AssertGolden(golden, ContractSamples.Enter, ContractSerializer.RankEventV1);
    }

    [Fact]
    public void CanonicalJson_must_pin_the_feature_snapshot_wire_form()
    {
        const string golden =
            """{"symbol":"BTCUSDT","time":639269797922500000,"specHash":"fs-7c1e9a40","values":[0.125,"NaN","Infinity","-Infinity",-3.5],"quality":"WarmUp, BookOutOfSync"}""";

        AssertGolden(golden, ContractSamples.FeatureSnapshot, ContractSerializer.FeatureSnapshotV1);
    }

    [Fact]
    public void CanonicalJson_must_pin_the_heartbeat_frame_wire_form()
    {
        // RawFrameKind has no string converter: it is written as its number (2 = Heartbeat), unlike the other enums.
        const string golden = """{"connectionId":"clock","sequence":0,"tsInit":639269797924910000,"kind":"Heartbeat","payload":""}""";

        AssertGolden(golden, ContractSamples.HeartbeatFrame, ContractSerializer.RawFrameV1);
    }

    private static void AssertGolden(string golden, IScreenerMessage message, string manifest)
    {
        Assert.Equal(golden, Encoding.UTF8.GetString(ContractSerializer.ToJson(message)));
        Assert.Equal(message, ContractSerializer.Deserialize(Encoding.UTF8.GetBytes(golden), manifest));
    }
}
