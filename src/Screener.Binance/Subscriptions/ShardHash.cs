using System.Text;

namespace Screener.Binance.Subscriptions;

/// <summary>
/// The stable symbol → shard rule of <see cref="StreamPlan"/>: FNV-1a (64-bit) over the UTF-8 bytes of the uppercase
/// symbol, mapped to a shard with Lamping &amp; Veach's jump consistent hash. Both are fixed algorithms (no
/// per-process seed, unlike <see cref="string.GetHashCode()"/>), so every run and every node computes the same shard.
/// </summary>
/// <remarks>
/// Jump hash rather than <c>hash % shards</c>: with a fixed shard count a symbol's shard depends only on the symbol,
/// so adding or removing a symbol moves no other; when the count grows from n to n + 1 only about 1/(n + 1) of the
/// symbols move (all of them to the new shard), where a modulo would reshuffle nearly all.
/// </remarks>
public static class ShardHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>FNV-1a 64 of the UTF-8 bytes of <paramref name="symbol"/> uppercased (invariant).</summary>
    public static ulong Fnv1a64(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        var upper = symbol.ToUpperInvariant();
        Span<byte> stack = stackalloc byte[128];
        var bytes = Encoding.UTF8.GetMaxByteCount(upper.Length) <= stack.Length ? stack : new byte[Encoding.UTF8.GetMaxByteCount(upper.Length)];
        var length = Encoding.UTF8.GetBytes(upper, bytes);
        var hash = FnvOffset;
        foreach (var b in bytes[..length])
        {
            hash ^= b;
            hash *= FnvPrime;
        }

        return hash;
    }

    /// <summary>Jump consistent hash: a bucket in <c>[0, buckets)</c> for <paramref name="key"/>.</summary>
    public static int Jump(ulong key, int buckets)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 1);
        long b = -1, j = 0;
        while (j < buckets)
        {
            b = j;
            key = unchecked(key * 2862933555777941757UL + 1);
            j = (long)((b + 1) * ((double)(1L << 31) / ((key >> 33) + 1)));
        }

        return (int)b;
    }

    /// <summary>The shard of <paramref name="symbol"/> among <paramref name="shards"/>.</summary>
    public static int ShardOf(string symbol, int shards) => Jump(Fnv1a64(symbol), shards);
}
