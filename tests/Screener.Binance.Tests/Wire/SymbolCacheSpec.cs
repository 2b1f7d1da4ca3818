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

    [Fact]
    public void SymbolCache_must_answer_repeat_lookups_with_the_first_answer()
    {
        Assert.True(_cache.TryGet("ksmusdt"u8, out var first));
        Assert.True(_cache.TryGet("ksmusdt"u8, out var again));
        Assert.True(_cache.TryGet("KSMUSDT"u8, out var upper));

        Assert.Same(first, again);
        Assert.Same(first, upper);
        Assert.False(_cache.TryGet("BTC USDT"u8, out _));
        Assert.False(_cache.TryGet("BTC USDT"u8, out _));
    }

    [Fact]
    public void SymbolCache_must_keep_answering_after_its_front_table_is_full()
    {
        for (var i = 0; i < 5000; i++)
        {
            var name = $"SYM{i}USDT";
            Assert.True(_cache.TryGet(Encoding.ASCII.GetBytes(name), out var symbol));
            Assert.Equal(name, symbol);
        }

        Assert.True(_cache.TryGet("SYM42USDT"u8, out var early));
        Assert.True(_cache.TryGet("SYM4999USDT"u8, out var late));
        Assert.Equal("SYM42USDT", early);
        Assert.Equal("SYM4999USDT", late);
    }

    [Fact]
    public void SymbolCache_must_not_allocate_for_a_known_symbol()
    {
        _cache.TryGet("BTCUSDT"u8, out _);
        _cache.TryGet("BTCUSDT"u8, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++) _cache.TryGet("BTCUSDT"u8, out _);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void SymbolCache_must_give_every_thread_the_same_instance()
    {
        var names = Enumerable.Range(0, 500).Select(i => Encoding.ASCII.GetBytes($"t{i}usdt")).ToArray();
        var seen = new string[4][];

        Parallel.For(0, 4, t =>
        {
            seen[t] = new string[names.Length];
            for (var round = 0; round < 20; round++)
                for (var i = 0; i < names.Length; i++)
                {
                    var at = (i * (t + 1) + round) % names.Length;
                    Assert.True(_cache.TryGet(names[at], out var symbol));
                    Assert.True(seen[t][at] is null || ReferenceEquals(seen[t][at], symbol));
                    seen[t][at] = symbol;
                }
        });

        for (var i = 0; i < names.Length; i++)
        {
            Assert.Equal($"T{i}USDT", seen[0][i]);
            Assert.All(seen, s => Assert.Same(seen[0][i], s[i]));
        }
    }
}
