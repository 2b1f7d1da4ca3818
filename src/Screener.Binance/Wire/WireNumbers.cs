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
    public static bool TryScanSimpleDecimal(ReadOnlySpan<byte> text, ref int position, out decimal value)
    {
        var next = ScanSimpleDecimal(text, position, out value);
        if (next < 0) return false;
        position = next;
        return true;
    }

    /// <summary>
    /// A decimal carried as a JSON string (<c>"83091.70"</c>) at <paramref name="position"/>: the inline shape, or
    /// any other string <see cref="TryParseDecimal"/> accepts. Returns the position after the closing quote, or -1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ScanQuotedDecimal(ReadOnlySpan<byte> text, int position, out decimal value)
    {
        if ((uint)position < (uint)text.Length && text[position] == (byte)'"')
        {
            var end = ScanSimpleDecimal(text, position + 1, out value);
            if ((uint)end < (uint)text.Length && text[end] == (byte)'"') return end + 1;
        }

        return ScanOtherQuotedDecimal(text, position, out value);
    }

    /// <summary>
    /// An unsigned JSON integer (<c>0</c> or <c>[1-9][0-9]*</c>, at most <see cref="MaxFastIntegerDigits"/> digits)
    /// at <paramref name="position"/>; returns the position after it, or -1. A leading zero followed by a digit
    /// stops after the zero, so the caller's delimiter check rejects <c>01</c> as JSON does.
    /// </summary>
    public static int ScanUnsignedInteger(ReadOnlySpan<byte> text, int position, out long value)
    {
        value = 0;
        if ((uint)position >= (uint)text.Length) return -1;
        if (text[position] == (byte)'0') return position + 1;
        var p = position;
        ulong result = 0;
        var digits = AccumulateDigits(text, ref p, ref result);
        if (digits is 0 or > MaxFastIntegerDigits) return -1;
        value = (long)result;
        return p;
    }

    /// <summary>
    /// Book levels <c>[["price","qty"],…]</c> at <paramref name="position"/>, exactly two decimal strings per level,
    /// into <paramref name="levels"/>; returns the position after the closing bracket, or -1. One tight loop with
    /// the position in a register: levels are most of what a depth frame is made of.
    /// </summary>
    public static int ScanLevels(ReadOnlySpan<byte> text, int position, PriceLevelBuffer levels)
    {
        levels.Clear();
        var p = position;
        if (!At(text, p, (byte)'[')) return -1;
        if (At(text, ++p, (byte)']')) return p + 1;
        while (true)
        {
            if (!At(text, p, (byte)'[')) return -1;
            p = ScanQuotedDecimal(text, p + 1, out var price);
            if (p < 0 || !At(text, p, (byte)',')) return -1;
            p = ScanQuotedDecimal(text, p + 1, out var quantity);
            if (p < 0 || !At(text, p, (byte)']')) return -1;
            levels.Add(price, quantity);
            if (At(text, ++p, (byte)',')) p++;
            else return At(text, p, (byte)']') ? p + 1 : -1;
        }
    }

    /// <summary>The position-returning form of <see cref="ScanUnsignedInteger"/>, for tests and callers with a ref position.</summary>
    public static bool TryScanUnsignedInteger(ReadOnlySpan<byte> text, ref int position, out long value)
    {
        var next = ScanUnsignedInteger(text, position, out value);
        if (next < 0) return false;
        position = next;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool At(ReadOnlySpan<byte> text, int position, byte expected) =>
        (uint)position < (uint)text.Length && text[position] == expected;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ScanSimpleDecimal(ReadOnlySpan<byte> text, int position, out decimal value)
    {
        value = 0;
        var p = position;
        var negative = false;
        if ((uint)p < (uint)text.Length && text[p] == (byte)'-')
        {
            negative = true;
            p++;
        }

        ulong mantissa = 0;
        var digits = AccumulateDigits(text, ref p, ref mantissa);
        if (digits == 0) return -1;
        var scale = 0;
        if ((uint)p < (uint)text.Length && text[p] == (byte)'.')
        {
            p++;
            scale = AccumulateDigits(text, ref p, ref mantissa);
            if (scale == 0) return -1;
            digits += scale;
        }

        // A 20th digit may have wrapped the mantissa; such texts are left to Utf8Parser.
        if (digits > MaxFastDigits) return -1;
        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)scale);
        return p;
    }

    /// <summary>Decimal strings outside the inline shape (exponents, 20+ digits): the general path's rules.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ScanOtherQuotedDecimal(ReadOnlySpan<byte> text, int position, out decimal value)
    {
        value = 0;
        var end = WireStrings.ScanAsciiString(text, position);
        if (end < 0 || !TryParseDecimal(text[(position + 1)..(end - 1)], out value)) return -1;
        return end;
    }

    /// <summary>
    /// Appends the run of ASCII digits at <paramref name="position"/> to <paramref name="value"/> (×10 per digit)
    /// and returns how many there were; past 19 digits the value has wrapped and the caller rejects the text.
    /// (An eight-bytes-at-a-time SWAR version measured slower on Binance's short prices, so the loop stays.)
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int AccumulateDigits(ReadOnlySpan<byte> text, ref int position, ref ulong value)
    {
        var p = position;
        var v = value;
        uint digit;
        while ((uint)p < (uint)text.Length && (digit = (uint)(text[p] - '0')) <= 9)
        {
            v = v * 10 + digit;
            p++;
        }

        var count = p - position;
        position = p;
        value = v;
        return count;
    }
}
