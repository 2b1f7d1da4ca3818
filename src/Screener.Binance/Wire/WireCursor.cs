using System.Runtime.CompilerServices;

namespace Screener.Binance.Wire;

/// <summary>
/// A forward-only scanner over compact JSON (no whitespace between tokens), the token readers of
/// <see cref="BinanceWireParser"/>. Every reader either consumes exactly one well-formed token and returns true, or
/// returns false: false means "not the shape the fast path handles", never "invalid", because the caller then
/// hands the whole frame to the general <see cref="System.Text.Json.Utf8JsonReader"/> path, which decides. So the
/// readers may refuse anything they are unsure of (escapes, non-ASCII outside symbols, nesting, long numbers).
/// </summary>
internal ref struct WireCursor(ReadOnlySpan<byte> text)
{
    /// <summary>Key code of keys longer than two bytes: none of them is read by the fast path.</summary>
    public const int LongKey = -1;

    private readonly ReadOnlySpan<byte> _text = text;
    private int _position;

    public readonly int Position => _position;

    /// <summary>The current byte, or -1 at the end.</summary>
    public readonly int Peek => (uint)_position < (uint)_text.Length ? _text[_position] : -1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryByte(byte expected)
    {
        if ((uint)_position >= (uint)_text.Length || _text[_position] != expected) return false;
        _position++;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryLiteral(ReadOnlySpan<byte> literal)
    {
        if (!_text[_position..].StartsWith(literal)) return false;
        _position += literal.Length;
        return true;
    }

    /// <summary>True when only JSON whitespace remains.</summary>
    public readonly bool AtEnd() => _text[_position..].TrimEnd(" \t\r\n"u8).IsEmpty;

    /// <summary>
    /// After a value: <c>,</c> (another key follows: true, <paramref name="end"/> false) or <c>}</c> (true,
    /// <paramref name="end"/> true). Anything else is false.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryNextMember(out bool end)
    {
        end = false;
        if ((uint)_position >= (uint)_text.Length) return false;
        var b = _text[_position++];
        if (b == (byte)',') return true;
        end = true;
        return b == (byte)'}';
    }

    /// <summary>
    /// <c>"key":</c> with a printable-ASCII key; <paramref name="code"/> is the byte of a one-byte key,
    /// <c>b0 | b1 &lt;&lt; 8</c> for two bytes, or <see cref="LongKey"/>. Binance keys are one or two bytes, so those
    /// are matched directly; longer keys take the string scan.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryKey(out int code)
    {
        var p = _position;
        if ((uint)(p + 4) < (uint)_text.Length && _text[p] == (byte)'"')
        {
            var b0 = _text[p + 1];
            if (IsKeyByte(b0))
            {
                if (_text[p + 2] == (byte)'"' && _text[p + 3] == (byte)':')
                {
                    code = b0;
                    _position = p + 4;
                    return true;
                }

                var b1 = _text[p + 2];
                if (IsKeyByte(b1) && _text[p + 3] == (byte)'"' && _text[p + 4] == (byte)':')
                {
                    code = b0 | (b1 << 8);
                    _position = p + 5;
                    return true;
                }
            }
        }

        code = LongKey;
        return TryString(out _, out _) && TryByte((byte)':');
    }

    /// <summary>A string of printable ASCII without escapes; its content is <c>[start, start + length)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryString(out int start, out int length)
    {
        start = _position + 1;
        var end = WireStrings.ScanAsciiString(_text, _position);
        length = end - start - 1;
        if (end < 0) return false;
        _position = end;
        return true;
    }

    /// <summary>The string's bytes as sent, for the symbol cache to validate (which also takes UTF-8 symbols).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryRawString(out ReadOnlySpan<byte> value)
    {
        value = default;
        if (!TryByte((byte)'"')) return false;
        var rest = _text[_position..];
        var end = rest.IndexOfAny((byte)'"', (byte)'\\');
        if (end < 0 || rest[end] != (byte)'"') return false;
        value = rest[..end];
        if (value.IndexOfAnyInRange((byte)0, (byte)0x1F) >= 0) return false;
        _position += end + 1;
        return true;
    }

    /// <summary>A decimal carried as a JSON string (<c>"83091.70"</c>), parsed exactly.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryDecimalString(out decimal value)
    {
        var next = WireNumbers.ScanQuotedDecimal(_text, _position, out value);
        if (next < 0) return false;
        _position = next;
        return true;
    }

    /// <summary>A decimal string that may be <c>""</c> or JSON null (both read as null).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryOptionalDecimalString(out decimal? value)
    {
        value = null;
        if (TryLiteral("null"u8) || TryLiteral("\"\""u8)) return true;
        if (!TryDecimalString(out var parsed)) return false;
        value = parsed;
        return true;
    }

    /// <summary>A non-negative JSON integer of at most 18 digits (ids, times).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryInt64(out long value)
    {
        var next = WireNumbers.ScanUnsignedInteger(_text, _position, out value);
        if (next < 0) return false;
        _position = next;
        return true;
    }

    /// <summary>An integer or JSON null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryOptionalInt64(out long? value)
    {
        value = null;
        if (TryLiteral("null"u8)) return true;
        if (!TryInt64(out var parsed)) return false;
        value = parsed;
        return true;
    }

    /// <summary>A Unix millisecond time within the range UTC ticks can represent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryUnixMs(out long value) => TryInt64(out value) && value <= JsonValues.MaxUnixMs;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryBool(out bool value)
    {
        value = TryLiteral("true"u8);
        return value || TryLiteral("false"u8);
    }

    /// <summary>Skips a scalar of a key the fast path does not read; objects and arrays are refused.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TrySkipScalar()
    {
        switch (Peek)
        {
            case '"': return TryString(out _, out _);
            case 't': return TryLiteral("true"u8);
            case 'f': return TryLiteral("false"u8);
            case 'n': return TryLiteral("null"u8);
            default:
                var next = WireStrings.SkipNumber(_text, _position);
                if (next < 0) return false;
                _position = next;
                return true;
        }
    }

    /// <summary>Book levels <c>[["price","qty"],…]</c>, exactly two strings per level.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryLevels(PriceLevelBuffer levels)
    {
        var next = WireNumbers.ScanLevels(_text, _position, levels);
        if (next < 0) return false;
        _position = next;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsKeyByte(byte b) => b is >= 0x20 and < 0x7F and not (byte)'"' and not (byte)'\\';
}
