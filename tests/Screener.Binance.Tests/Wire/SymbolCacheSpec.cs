using System.Text;
using Screener.Binance.Wire;

namespace Screener.Binance.Tests.Wire;

public sealed class SymbolCacheSpec
{
    private readonly SymbolCache _cache = new();

    [Fact]
    public void SymbolCache_must_uppercase_and_share_one_instance_per_symbol()
    {
        Assert.True(_cache.TryGet("btcusdt"u8, out var first));
        Assert.True(_cache.TryGet("BTCUSDT"u8, out var second));

        Assert.Equal("BTCUSDT", first);
        Assert.Same(first, second);
        Assert.Equal(1, _cache.Count);
    }

    [Fact]
    public void SymbolCache_must_accept_non_ascii_symbols()
    {
        Assert.True(_cache.TryGet(Encoding.UTF8.GetBytes("币安人生usdt"), out var symbol));
        Assert.Equal("币安人生USDT", symbol);
    }

    [Fact]
    public void SymbolCache_must_reject_empty_oversized_invalid_or_spaced_symbols()
    {
        Assert.False(_cache.TryGet(""u8, out _));
        Assert.False(_cache.TryGet(new byte[SymbolCache.MaxSymbolBytes + 1].Select(_ => (byte)'A').ToArray(), out _));
        Assert.False(_cache.TryGet(new byte[] { 0x42, 0xFF, 0x43 }, out _));
        Assert.False(_cache.TryGet("BTC USDT"u8, out _));
        Assert.False(_cache.TryGet("BTC\tUSDT"u8, out _));
    }
}
