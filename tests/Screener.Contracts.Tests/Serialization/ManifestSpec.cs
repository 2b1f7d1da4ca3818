using System.IO.Compression;
using System.Text;
using Screener.Contracts.Market;
using Screener.Contracts.Serialization;
using Xunit;

namespace Screener.Contracts.Tests.Serialization;

/// <summary>Manifests are journal keys: stable, versioned, one per contract type, never a CLR type name.</summary>
public sealed class ManifestSpec
{
    [Theory]
    [InlineData(nameof(ContractSamples.Trade), "MarketEvent.v1")]
    [InlineData(nameof(ContractSamples.Stale), "MarketEvent.v1")]
    [InlineData(nameof(ContractSamples.WebSocketFrame), "RawFrame.v1")]
    [InlineData(nameof(ContractSamples.Tick), "Tick.v1")]
    [InlineData(nameof(ContractSamples.FeatureSnapshot), "FeatureSnapshot.v1")]
    [InlineData(nameof(ContractSamples.PredictionSnapshot), "PredictionSnapshot.v1")]
    [InlineData(nameof(ContractSamples.Alert), "RankEvent.v1")]
    [InlineData(nameof(ContractSamples.PredictionBatch), "PredictionBatch.v1")]
    [InlineData(nameof(ContractSamples.ModelSwitch), "ModelSwitch.v1")]
    [InlineData(nameof(ContractSamples.FrameBatch), "FrameBatch.v1+br")]
    public void Manifest_must_stay_the_published_string(string sample, string manifest) =>
        Assert.Equal(manifest, ContractSerializer.ManifestOf(ContractSamples.All[sample]));

    [Fact]
    public void Manifest_must_be_a_versioned_name_distinct_per_contract_type()
    {
        var manifestsByContract = ContractSamples.All.Values
            .GroupBy(m => m is MarketEvent ? nameof(MarketEvent) : m.GetType().Name)
            .ToDictionary(g => g.Key, g => g.Select(ContractSerializer.ManifestOf).Distinct().Single());

        foreach (var (contract, manifest) in manifestsByContract)
            Assert.Matches($@"^{contract}\.v[1-9][0-9]*(\+br)?$", manifest);
        Assert.Equal(9, manifestsByContract.Count);
        Assert.Equal(manifestsByContract.Count, manifestsByContract.Values.Distinct().Count());
    }

    [Theory]
    [InlineData("Trade.v1")]
    [InlineData("MarketEvent.v2")]
    [InlineData("rankevent.v1")]
    [InlineData("FrameBatch.v1")]
    [InlineData("Screener.Contracts.Market.Trade, Screener.Contracts")]
    public void Manifest_must_be_rejected_with_its_name_when_unknown(string manifest)
    {
        var error = Assert.Throws<ArgumentException>(() => ContractSerializer.Deserialize("{}"u8, manifest));

        Assert.Contains($"'{manifest}'", error.Message);
        Assert.Equal("manifest", error.ParamName);
    }

    [Fact]
    public void Manifest_must_be_refused_for_a_message_that_is_not_a_contract()
    {
        var error = Assert.Throws<ArgumentException>(() => ContractSerializer.ManifestOf(new NotAContract()));

        Assert.Contains(nameof(NotAContract), error.Message);
        Assert.Throws<ArgumentException>(() => ContractSerializer.Serialize(new NotAContract()));
    }

    [Fact]
    public void Manifest_must_mark_frame_batches_as_brotli_compressed_json()
    {
        var batch = new FrameBatch("s0", Enumerable.Range(0, 200).Select(SimilarFrame).ToEquatableArray());
        var json = ContractSerializer.ToJson(batch);

        var bytes = ContractSerializer.Serialize(batch);

        Assert.NotEqual((byte)'{', bytes[0]);
        Assert.True(bytes.Length * 4 < json.Length, $"{bytes.Length} compressed bytes for {json.Length} bytes of JSON");
        Assert.Equal(json, Brotli(bytes));
        Assert.Equal(batch, ContractSerializer.Deserialize(bytes, ContractSerializer.FrameBatchV1Brotli));
    }

    private static RawFrame SimilarFrame(int i)
    {
        var payload = $$$"""{"stream":"btcusdt@aggTrade","data":{"e":"aggTrade","E":{{{1791382992488 + i * 7}}},"s":"BTCUSDT","a":{{{2604871905 + i}}},"p":"83091.{{{i % 10}}}0","q":"0.0{{{i % 7 + 1}}}5","m":{{{(i % 2 == 0 ? "true" : "false")}}}}}""";
        return new RawFrame("s0/public", 1_204_518 + i, ContractSamples.TsInit + i * 70_000, RawFrameKind.WebSocket, Encoding.UTF8.GetBytes(payload));
    }

    private static byte[] Brotli(byte[] compressed)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress)) brotli.CopyTo(output);
        return output.ToArray();
    }

    private sealed record NotAContract : IScreenerMessage;
}
