using Screener.Binance.Subscriptions;

namespace Screener.Binance.Tests.Subscriptions;

public sealed class ShardHashSpec
{
    [Theory]
    [InlineData("", 0xcbf29ce484222325UL)]
    [InlineData("A", 0xaf63fc4c860222ecUL)]
    [InlineData("FOOBAR", 0xed91fadfa4bbf528UL)]
    [InlineData("BTCUSDT", 0x3e640dbff523962cUL)]
    public void ShardHash_must_be_fnv1a_64_of_the_uppercase_utf8_bytes(string text, ulong expected)
    {
        Assert.Equal(expected, ShardHash.Fnv1a64(text));
        Assert.Equal(expected, ShardHash.Fnv1a64(text.ToLowerInvariant()));
    }

    [Fact]
    public void ShardHash_must_ignore_symbol_case()
    {
        Assert.Equal(ShardHash.Fnv1a64("BTCUSDT"), ShardHash.Fnv1a64("btcusdt"));
        Assert.Equal(ShardHash.Fnv1a64("币安人生USDT"), ShardHash.Fnv1a64("币安人生usdt"));
    }

    [Fact]
    public void ShardHash_must_keep_every_key_in_its_bucket_or_move_it_to_the_new_one_when_buckets_grow()
    {
        for (ulong key = 1; key < 5000; key++)
        {
            var hash = key * 0x9E3779B97F4A7C15UL;
            for (var buckets = 1; buckets < 40; buckets++)
            {
                var now = ShardHash.Jump(hash, buckets);
                var next = ShardHash.Jump(hash, buckets + 1);
                Assert.InRange(now, 0, buckets - 1);
                Assert.True(next == now || next == buckets, $"key {key}: {now} → {next} at {buckets + 1} buckets");
            }
        }
    }

    [Fact]
    public void ShardHash_must_spread_symbols_roughly_evenly()
    {
        var counts = new int[8];
        for (var i = 0; i < 8000; i++) counts[ShardHash.ShardOf($"S{i}USDT", 8)]++;

        Assert.All(counts, c => Assert.InRange(c, 850, 1150));
    }
}
