using Screener.Binance.Transport;
using static Screener.Binance.Tests.Fixture;

namespace Screener.Binance.Tests.Transport;

public sealed class DepthFrameSnifferSpec
{
    [Theory]
    [InlineData("futures-depthUpdate.json", "KSMUSDT")]
    [InlineData("spot-depthUpdate.json", "NKNUSDT")]
    public void Sniffer_must_find_the_symbol_of_a_diff_depth_frame(string file, string symbol)
    {
        Assert.True(DepthFrameSniffer.TryGetDiffDepthSymbol(Bytes(file), out var found));
        Assert.Equal(symbol, found);
    }

    [Fact]
    public void Sniffer_must_find_the_stream_name_after_the_data()
    {
        var frame = """{"data":{"e":"depthUpdate"},"stream":"btcusdt@depth"}"""u8;

        Assert.True(DepthFrameSniffer.TryGetDiffDepthSymbol(frame, out var found));
        Assert.Equal("BTCUSDT", found);
    }

    [Fact]
    public void Sniffer_must_read_a_bare_payload_from_the_ws_endpoint()
    {
        var bare = System.Text.Json.JsonDocument.Parse(Bytes("futures-depthUpdate.json")).RootElement.GetProperty("data").GetRawText();

        Assert.True(DepthFrameSniffer.TryGetDiffDepthSymbol(System.Text.Encoding.UTF8.GetBytes(bare), out var found));
        Assert.Equal("KSMUSDT", found);
    }

    [Theory]
    [InlineData("futures-partialDepth20.json")]
    [InlineData("futures-aggTrade.json")]
    [InlineData("futures-bookTicker.json")]
    [InlineData("subscribe-reply.json")]
    [InlineData("spot-partialDepth.json")]
    public void Sniffer_must_ignore_other_frames(string file) =>
        Assert.False(DepthFrameSniffer.TryGetDiffDepthSymbol(Bytes(file), out _));

    [Fact]
    public void Sniffer_must_ignore_broken_json() =>
        Assert.False(DepthFrameSniffer.TryGetDiffDepthSymbol("""{"stream":"btcusdt@depth"""u8, out _));
}
