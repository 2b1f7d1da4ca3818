using Screener.Binance.Transport;
using Screener.Binance.Wire;
using static Screener.Binance.Tests.Fixture;

namespace Screener.Binance.Tests.Transport;

public sealed class DepthFrameSnifferSpec
{
    private readonly SymbolCache _symbols = new();

    [Theory]
    [InlineData("futures-depthUpdate.json", "KSMUSDT")]
    [InlineData("spot-depthUpdate.json", "NKNUSDT")]
    public void Sniffer_must_find_the_symbol_of_a_diff_depth_frame(string file, string symbol)
    {
        Assert.True(DepthFrameSniffer.TryGetDiffDepthSymbol(Bytes(file), _symbols, out var found));
        Assert.Equal(symbol, found);
    }

    [Fact]
    public void Sniffer_must_find_the_stream_name_after_the_data()
    {
        var frame = """{"data":{"e":"depthUpdate"},"stream":"btcusdt@depth"}"""u8;

        Assert.True(DepthFrameSniffer.TryGetDiffDepthSymbol(frame, _symbols, out var found));
        Assert.Equal("BTCUSDT", found);
    }

    [Theory]
    [InlineData("futures-partialDepth20.json")]
    [InlineData("futures-aggTrade.json")]
    [InlineData("futures-bookTicker.json")]
    [InlineData("subscribe-reply.json")]
    [InlineData("spot-partialDepth.json")]
    public void Sniffer_must_ignore_other_frames(string file) =>
        Assert.False(DepthFrameSniffer.TryGetDiffDepthSymbol(Bytes(file), _symbols, out _));

    [Fact]
    public void Sniffer_must_ignore_broken_json() =>
        Assert.False(DepthFrameSniffer.TryGetDiffDepthSymbol("""{"stream":"btcusdt@depth"""u8, _symbols, out _));
}
