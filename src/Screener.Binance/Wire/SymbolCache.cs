using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Unicode;

namespace Screener.Binance.Wire;

/// <summary>
/// Interns uppercase symbol strings keyed by their UTF-8 bytes, so decoding a frame for a known symbol
/// allocates no string. Thread-safe; bounded so a stream of garbage symbols cannot grow it without limit.
/// </summary>
/// <remarks>
/// Two levels. The front is an insert-only open-addressing table from the exact wire bytes (<c>btcusdt</c> and
/// <c>BTCUSDT</c> are separate entries) to the interned string: a hit costs one hash and one byte compare, with no
/// transcoding. A miss goes to the validating path (UTF-8 → UTF-16, uppercase, control and whitespace checks,
/// dictionary), and only bytes that path accepted are remembered, so both levels always give the same answer.
/// </remarks>
internal sealed class SymbolCache
{
    /// <summary>Longest symbol accepted, in UTF-8 bytes; Binance symbols are far shorter.</summary>
    public const int MaxSymbolBytes = 64;

    private const int MaxEntries = 8192;

    // The front holds at most half its slots, so probes stay short; past that, lookups use the validating path.
    private const int FrontSlots = 4096;
    private const int MaxFrontEntries = FrontSlots / 2;
    private const int MaxProbes = 16;

    private readonly ConcurrentDictionary<string, string> _symbols = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly FrontEntry?[] _front = new FrontEntry?[FrontSlots];
    private int _frontCount;

    public SymbolCache() => _lookup = _symbols.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The uppercase symbol for <paramref name="utf8"/>; false when empty, too long or not valid UTF-8.</summary>
    public bool TryGet(ReadOnlySpan<byte> utf8, out string symbol)
    {
        if (utf8.IsEmpty || utf8.Length > MaxSymbolBytes)
        {
            symbol = "";
            return false;
        }

        var hash = Hash(utf8);
        var slot = hash & (FrontSlots - 1);
        for (var probe = 0; probe < MaxProbes; probe++, slot = (slot + 1) & (FrontSlots - 1))
        {
            var entry = Volatile.Read(ref _front[slot]);
            if (entry is null) break;
            if (entry.Hash == hash && utf8.SequenceEqual(entry.Utf8))
            {
                symbol = entry.Symbol;
                return true;
            }
        }

        if (!TryGetValidated(utf8, out symbol)) return false;
        Remember(utf8, symbol, hash);
        return true;
    }

    /// <summary>The uppercase symbol for <paramref name="text"/> (already unescaped).</summary>
    public bool TryGet(ReadOnlySpan<char> text, out string symbol)
    {
        symbol = "";
        if (text.IsEmpty || text.Length > MaxSymbolBytes) return false;
        Span<char> upper = stackalloc char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            // Symbols are printable tokens; whitespace or control characters mean a broken frame.
            if (char.IsControl(c) || char.IsWhiteSpace(c)) return false;
            upper[i] = char.ToUpperInvariant(c);
        }

        if (_lookup.TryGetValue(upper, out var cached))
        {
            symbol = cached;
            return true;
        }

        symbol = new string(upper);
        // GetOrAdd, not TryAdd: a thread that loses the race must return the winner's instance.
        if (_symbols.Count < MaxEntries) symbol = _symbols.GetOrAdd(symbol, symbol);
        return true;
    }

    /// <summary>Number of interned symbols.</summary>
    public int Count => _symbols.Count;

    private bool TryGetValidated(ReadOnlySpan<byte> utf8, out string symbol)
    {
        symbol = "";
        Span<char> chars = stackalloc char[MaxSymbolBytes];
        if (Utf8.ToUtf16(utf8, chars, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
            return false;
        return TryGet(chars[..written], out symbol);
    }

    /// <summary>Adds an accepted spelling to the front unless it is full; a lost race only costs a duplicate probe.</summary>
    private void Remember(ReadOnlySpan<byte> utf8, string symbol, int hash)
    {
        // Garbage symbols are interned as strings only while the dictionary has room; the front follows suit.
        if (Volatile.Read(ref _frontCount) >= MaxFrontEntries || !_symbols.ContainsKey(symbol)) return;
        var entry = new FrontEntry(utf8.ToArray(), symbol, hash);
        var slot = hash & (FrontSlots - 1);
        for (var probe = 0; probe < MaxProbes; probe++, slot = (slot + 1) & (FrontSlots - 1))
        {
            var existing = Interlocked.CompareExchange(ref _front[slot], entry, null);
            if (existing is null)
            {
                Interlocked.Increment(ref _frontCount);
                return;
            }

            if (existing.Hash == hash && utf8.SequenceEqual(existing.Utf8)) return;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        const ulong Multiplier = 0x9E3779B97F4A7C15;
        var h = (ulong)bytes.Length * Multiplier;
        var i = 0;
        for (; i + 8 <= bytes.Length; i += 8)
        {
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes[i..])) * Multiplier;
            h ^= h >> 31;
        }

        ulong tail = 0;
        for (var j = bytes.Length - 1; j >= i; j--) tail = (tail << 8) | bytes[j];
        h = (h ^ tail) * Multiplier;
        h ^= h >> 29;
        return (int)h & int.MaxValue;
    }

    private sealed class FrontEntry(byte[] utf8, string symbol, int hash)
    {
        public byte[] Utf8 { get; } = utf8;

        public string Symbol { get; } = symbol;

        public int Hash { get; } = hash;
    }
}
