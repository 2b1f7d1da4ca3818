using Akka.Serialization;
using Akka.TestKit.Xunit2;
using Screener.Contracts;
using Screener.Storage.Serialization;

namespace Screener.Storage.Tests.Serialization;

public sealed class ScreenerSerializerSpec() : TestKit(StorageConfig.For(StorageConfig.NewDb()))
{
    [Fact]
    public void ScreenerSerializer_must_be_bound_to_every_contract_by_the_shipped_akka_conf()
    {
        var rank = new RankEvent(1, RankEventKind.Alert, "BTCUSDT", 1, 61.5, "taker", 30, "baseline-volflow-v1",
            EquatableArray.Create("SCORE_ABOVE_ALERT"), "HOT");
        var serializer = Sys.Serialization.FindSerializerFor(rank);

        Assert.IsType<ScreenerSerializer>(serializer);
        Assert.Equal(ScreenerSerializer.Id, serializer.Identifier);
        var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, rank);
        Assert.Equal("RankEvent.v1", manifest);
        Assert.Equal(rank, Sys.Serialization.Deserialize(serializer.ToBinary(rank), serializer.Identifier, manifest));
    }

    [Fact]
    public void ScreenerSerializer_must_refuse_a_message_that_is_not_a_contract()
    {
        var serializer = (SerializerWithStringManifest)Sys.Serialization.FindSerializerForType(typeof(RankEvent));
        Assert.Throws<ArgumentException>(() => serializer.ToBinary("not a contract"));
    }
}
