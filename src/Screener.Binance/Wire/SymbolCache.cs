using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Unicode;

namespace Screener.Binance.Wire;

/// <summary>
/// Interns uppercase symbol strings keyed by their UTF-8 bytes, so decoding a frame for a known symbol
/// allocates no string. Thread-safe; bounded so a stream of garbage symbols cannot grow it without limit.
/// </summary>
internal sealed class SymbolCache
{
    /// <summary>Longest symbol accepted, in UTF-8 bytes; Binance symbols are far shorter.</summary>
    public const int MaxSymbolBytes = 64;

    private const int MaxEntries = 8192;

    private readonly ConcurrentDictionary<string, string> _symbols = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public SymbolCache() => _lookup = _symbols.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The uppercase symbol for <paramref name="utf8"/>; false when empty, too long or not valid UTF-8.</summary>
    public bool TryGet(ReadOnlySpan<byte> utf8, out string symbol)
    {
        symbol = "";
        if (utf8.IsEmpty || utf8.Length > MaxSymbolBytes) return false;
        Span<char> chars = stackalloc char[MaxSymbolBytes];
        if (Utf8.ToUtf16(utf8, chars, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
            return false;
        return TryGet(chars[..written], out symbol);
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
        if (_symbols.Count < MaxEntries) _symbols.TryAdd(symbol, symbol);
        return true;
    }

    /// <summary>Number of interned symbols.</summary>
    public int Count => _symbols.Count;
}
