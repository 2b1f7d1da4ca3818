using System.Text;
using System.Text.Json;
using Screener.Binance.Transport;
using static Screener.Binance.Tests.Fixture;

namespace Screener.Binance.Tests.Transport;

public sealed class RestEnvelopeSpec
{
    [Fact]
    public void RestEnvelope_must_embed_the_body_verbatim()
    {
        var body = Bytes("futures-depth-snapshot-2026.json");

        var envelope = RestEnvelope.Depth("BTCUSDT", body);

        var text = Encoding.UTF8.GetString(envelope);
        Assert.StartsWith("""{"rest":"depth","symbol":"BTCUSDT","data":""", text);
        Assert.Contains(Encoding.UTF8.GetString(body).Trim(), text);
        using var document = JsonDocument.Parse(envelope);
        Assert.Equal(11757092217378, document.RootElement.GetProperty("data").GetProperty("lastUpdateId").GetInt64());
    }

    [Fact]
    public void RestEnvelope_must_keep_a_non_ascii_symbol_readable()
    {
        var envelope = RestEnvelope.Depth("币安人生USDT", """{"lastUpdateId":1,"bids":[],"asks":[]}"""u8);

        Assert.Contains("\"symbol\":\"币安人生USDT\"", Encoding.UTF8.GetString(envelope));
        var snapshot = Single<Screener.Contracts.Market.DepthSnapshot>(Rest(envelope));
        Assert.Equal("币安人生USDT", snapshot.Symbol);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"lastUpdateId\":1")]
    [InlineData("{} {}")]
    [InlineData("<html/>")]
    public void RestEnvelope_must_refuse_a_body_that_is_not_one_json_value(string body) =>
        Assert.Throws<ArgumentException>(() => RestEnvelope.Depth("BTCUSDT", Encoding.UTF8.GetBytes(body)));
}
