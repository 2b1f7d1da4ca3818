namespace Screener.Binance.Wire;

/// <summary>
/// The loops behind <see cref="WireCursor"/>'s string and number skipping. They take the text and a position by
/// value and return the position after the token, or -1, so the cursor stays a register-held local in the parse
/// loops (a call taking its address would force it into memory).
/// </summary>
internal static class WireStrings
{
    /// <summary>A string of printable ASCII (0x20-0x7E) without escapes at <paramref name="position"/>.</summary>
    public static int ScanAsciiString(ReadOnlySpan<byte> text, int position)
    {
        if ((uint)position >= (uint)text.Length || text[position] != (byte)'"') return -1;
        for (var p = position + 1; (uint)p < (uint)text.Length; p++)
        {
            var b = text[p];
            if (b == (byte)'"') return p + 1;
            if (b is < 0x20 or >= 0x7F or (byte)'\\') return -1;
        }

        return -1;
    }

    /// <summary>JSON number grammar: <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>.</summary>
    public static int SkipNumber(ReadOnlySpan<byte> text, int position)
    {
        var p = position;
        if (At(text, p, (byte)'-')) p++;
        if (At(text, p, (byte)'0')) p++;
        else if (!SkipDigits(text, ref p)) return -1;
        if (At(text, p, (byte)'.'))
        {
            p++;
            if (!SkipDigits(text, ref p)) return -1;
        }

        if (At(text, p, (byte)'e') || At(text, p, (byte)'E'))
        {
            p++;
            if (At(text, p, (byte)'+') || At(text, p, (byte)'-')) p++;
            if (!SkipDigits(text, ref p)) return -1;
        }

        return p;
    }

    private static bool At(ReadOnlySpan<byte> text, int position, byte expected) =>
        (uint)position < (uint)text.Length && text[position] == expected;

    private static bool SkipDigits(ReadOnlySpan<byte> text, ref int p)
    {
        var start = p;
        while ((uint)p < (uint)text.Length && (uint)(text[p] - '0') <= 9) p++;
        return p > start;
    }
}
