using System.Buffers.Text;
using System.Runtime.CompilerServices;

namespace Screener.Binance.Wire;

/// <summary>
/// Exact number parsing from ASCII bytes, never through strings or double. The common Binance shape
/// (<c>-?digits[.digits]</c>, at most 19 digits) is parsed inline into a 64-bit mantissa and a scale; anything else
/// goes to <see cref="Utf8Parser"/>, so every accepted input gives the same <see cref="decimal"/> (value, sign
/// and scale: <c>"83091.70"</c> keeps its trailing zero) whichever route it took.
/// </summary>
internal static class WireNumbers
{
    /// <summary>Longest decimal text accepted, in bytes; Binance sends at most ~20.</summary>
    public const int MaxDecimalBytes = 64;

    /// <summary>Mantissas of up to 19 decimal digits always fit in a <see cref="ulong"/>.</summary>
    public const int MaxFastDigits = 19;

    /// <summary>Longest unsigned integer read inline; 18 digits cannot overflow a <see cref="long"/>.</summary>
    public const int MaxFastIntegerDigits = 18;

    /// <summary>Exact decimal parse of the whole span; partial parses (<c>"1.2x"</c>) are rejected.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<byte> text, out decimal value)
    {
        if (TryParseSimpleDecimal(text, out value)) return true;
        value = 0;
        return !text.IsEmpty && text.Length <= MaxDecimalBytes
            && Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length;
    }

    /// <summary>
    /// The inline route only: <c>-?[0-9]+(\.[0-9]+)?</c> with at most <see cref="MaxFastDigits"/> digits. False means
    /// "not this shape", not "invalid": the caller then asks <see cref="Utf8Parser"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseSimpleDecimal(ReadOnlySpan<byte> text, out decimal value)
    {
        var position = 0;
        return TryScanSimpleDecimal(text, ref position, out value) && position == text.Length;
    }

    /// <summary>
    /// Scans <c>-?[0-9]+(\.[0-9]+)?</c> from <paramref name="position"/> and stops at the first byte that cannot
    /// continue it (the caller checks what that byte is). On false <paramref name="position"/> is unchanged.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryScanSimpleDecimal(ReadOnlySpan<byte> text, ref int position, out decimal value)
    {
        value = 0;
        var p = position;
        var negative = false;
        if ((uint)p < (uint)text.Length && text[p] == (byte)'-')
        {
            negative = true;
            p++;
        }

        var digitsStart = p;
        ulong mantissa = 0;
        uint digit;
        while ((uint)p < (uint)text.Length && (digit = (uint)(text[p] - '0')) <= 9)
        {
            mantissa = mantissa * 10 + digit;
            p++;
        }

        if (p == digitsStart) return false;
        var scale = 0;
        if ((uint)p < (uint)text.Length && text[p] == (byte)'.')
        {
            var fractionStart = ++p;
            while ((uint)p < (uint)text.Length && (digit = (uint)(text[p] - '0')) <= 9)
            {
                mantissa = mantissa * 10 + digit;
                p++;
            }

            scale = p - fractionStart;
            if (scale == 0) return false;
        }

        // Counted after the fact: a 20th digit may have wrapped the mantissa, and then the value is not used.
        var digits = p - digitsStart - (scale > 0 ? 1 : 0);
        if (digits > MaxFastDigits) return false;
        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)scale);
        position = p;
        return true;
    }

    /// <summary>
    /// An unsigned JSON integer (<c>0</c> or <c>[1-9][0-9]*</c>, at most <see cref="MaxFastIntegerDigits"/> digits)
    /// from <paramref name="position"/>. A leading zero followed by a digit stops after the zero, so the caller's
    /// delimiter check rejects <c>01</c> as JSON does. On false <paramref name="position"/> is unchanged.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryScanUnsignedInteger(ReadOnlySpan<byte> text, ref int position, out long value)
    {
        value = 0;
        var p = position;
        if ((uint)p >= (uint)text.Length) return false;
        var first = (uint)(text[p] - '0');
        if (first > 9) return false;
        p++;
        ulong result = first;
        if (first != 0)
        {
            uint digit;
            while ((uint)p < (uint)text.Length && (digit = (uint)(text[p] - '0')) <= 9)
            {
                result = result * 10 + digit;
                p++;
            }

            if (p - position > MaxFastIntegerDigits) return false;
        }

        value = (long)result;
        position = p;
        return true;
    }
}
