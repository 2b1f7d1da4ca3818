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

    /// <summary><c>"key":</c> with a printable-ASCII key; <paramref name="code"/> is the byte of a one-byte key, <c>b0 | b1 &lt;&lt; 8</c> for two bytes, or <see cref="LongKey"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryKey(out int code)
    {
        code = LongKey;
        if (!TryString(out var start, out var length) || !TryByte((byte)':')) return false;
        if (length == 1) code = _text[start];
        else if (length == 2) code = _text[start] | (_text[start + 1] << 8);
        return true;
    }

    /// <summary>A string of printable ASCII without escapes; its content is <c>[start, start + length)</c>.</summary>
    public bool TryString(out int start, out int length)
    {
        start = length = 0;
        if (!TryByte((byte)'"')) return false;
        var p = _position;
        byte b;
        while ((uint)p < (uint)_text.Length && (b = _text[p]) != (byte)'"')
        {
            if (b is < 0x20 or >= 0x7F or (byte)'\\') return false;
            p++;
        }

        if ((uint)p >= (uint)_text.Length) return false;
        start = _position;
        length = p - _position;
        _position = p + 1;
        return true;
    }

    /// <summary>The string's bytes as sent, for the symbol cache to validate (which also takes UTF-8 symbols).</summary>
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
        var p = _position + 1;
        if (TryByteAt(_position, (byte)'"') && WireNumbers.TryScanSimpleDecimal(_text, ref p, out value) && TryByteAt(p, (byte)'"'))
        {
            _position = p + 1;
            return true;
        }

        return TryOtherDecimalString(out value);
    }

    /// <summary>A decimal string that may be <c>""</c> or JSON null (both read as null).</summary>
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
    public bool TryInt64(out long value) => WireNumbers.TryScanUnsignedInteger(_text, ref _position, out value);

    /// <summary>An integer or JSON null.</summary>
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

    public bool TryBool(out bool value)
    {
        value = TryLiteral("true"u8);
        return value || TryLiteral("false"u8);
    }

    /// <summary>Skips a scalar of a key the fast path does not read; objects and arrays are refused.</summary>
    public bool TrySkipScalar()
    {
        switch (Peek)
        {
            case '"': return TryString(out _, out _);
            case 't': return TryLiteral("true"u8);
            case 'f': return TryLiteral("false"u8);
            case 'n': return TryLiteral("null"u8);
            default: return TrySkipNumber();
        }
    }

    /// <summary>Book levels <c>[["price","qty"],…]</c>, exactly two strings per level.</summary>
    public bool TryLevels(PriceLevelBuffer levels)
    {
        levels.Clear();
        if (!TryByte((byte)'[')) return false;
        if (TryByte((byte)']')) return true;
        do
        {
            if (!TryByte((byte)'[') || !TryDecimalString(out var price) || !TryByte((byte)',')
                || !TryDecimalString(out var quantity) || !TryByte((byte)']'))
                return false;
            levels.Add(price, quantity);
        } while (TryByte((byte)','));

        return TryByte((byte)']');
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly bool TryByteAt(int position, byte expected) =>
        (uint)position < (uint)_text.Length && _text[position] == expected;

    /// <summary>Decimal strings outside the inline shape (exponents, 20+ digits): same rules as the general path.</summary>
    private bool TryOtherDecimalString(out decimal value)
    {
        value = 0;
        var start = _position;
        if (!TryString(out var contentStart, out var length)) return false;
        if (WireNumbers.TryParseDecimal(_text.Slice(contentStart, length), out value)) return true;
        _position = start;
        return false;
    }

    /// <summary>JSON number grammar: <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>.</summary>
    private bool TrySkipNumber()
    {
        var p = _position;
        if (TryByteAt(p, (byte)'-')) p++;
        if (TryByteAt(p, (byte)'0')) p++;
        else if (!SkipDigits(ref p)) return false;
        if (TryByteAt(p, (byte)'.'))
        {
            p++;
            if (!SkipDigits(ref p)) return false;
        }
        if (TryByteAt(p, (byte)'e') || TryByteAt(p, (byte)'E'))
        {
            p++;
            if (TryByteAt(p, (byte)'+') || TryByteAt(p, (byte)'-')) p++;
            if (!SkipDigits(ref p)) return false;
        }

        _position = p;
        return true;
    }

    private readonly bool SkipDigits(ref int p)
    {
        var start = p;
        while ((uint)p < (uint)_text.Length && (uint)(_text[p] - '0') <= 9) p++;
        return p > start;
    }
}
