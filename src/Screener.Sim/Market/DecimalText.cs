using System.Globalization;
using System.Text;

namespace Screener.Sim.Market;

/// <summary>
/// Fixed-point to decimal-string formatting. Binance sends prices and quantities as plain decimal strings
/// with the symbol's precision ("83091.70", "0.000"), never exponent notation, so values are kept as
/// integer units and printed here exactly.
/// </summary>
internal static class DecimalText
{
    private static readonly long[] Pow10 = BuildPow10();

    public static long Scale(int decimals) => Pow10[decimals];

    /// <summary>Writes <paramref name="units"/> / 10^<paramref name="decimals"/> as ASCII; returns the byte count.</summary>
    public static int Write(long units, int decimals, Span<byte> destination)
    {
        var pos = 0;
        ulong magnitude;
        if (units < 0)
        {
            destination[pos++] = (byte)'-';
            magnitude = (ulong)(-(units + 1)) + 1;
        }
        else
        {
            magnitude = (ulong)units;
        }
        var scale = (ulong)Pow10[decimals];
        var whole = magnitude / scale;
        var fraction = magnitude % scale;
        whole.TryFormat(destination[pos..], out var written, default, CultureInfo.InvariantCulture);
        pos += written;
        if (decimals == 0) return pos;
        destination[pos++] = (byte)'.';
        for (var i = decimals - 1; i >= 0; i--)
        {
            destination[pos + i] = (byte)('0' + (int)(fraction % 10));
            fraction /= 10;
        }
        return pos + decimals;
    }

    public static string Format(long units, int decimals)
    {
        Span<byte> buffer = stackalloc byte[32];
        var n = Write(units, decimals, buffer);
        return Encoding.ASCII.GetString(buffer[..n]);
    }

    /// <summary>Wide form for accumulated quote volumes (price units × quantity units can exceed a long over a day).</summary>
    public static string Format(Int128 units, int decimals)
    {
        var negative = units < 0;
        var digits = (negative ? -units : units).ToString(CultureInfo.InvariantCulture);
        if (decimals > 0)
        {
            digits = digits.PadLeft(decimals + 1, '0');
            digits = digits[..^decimals] + "." + digits[^decimals..];
        }
        return negative ? "-" + digits : digits;
    }

    /// <summary>Rounds a double to <paramref name="decimals"/> places (mark, index and funding values carry 8).</summary>
    public static long ToUnits(double value, int decimals) => (long)Math.Round(value * Pow10[decimals], MidpointRounding.AwayFromZero);

    /// <summary>Units of <paramref name="value"/> at <paramref name="decimals"/> places; the value must lie on that grid.</summary>
    public static long ToUnits(decimal value, int decimals)
    {
        var scaled = value * Pow10[decimals];
        if (scaled != decimal.Truncate(scaled))
            throw new ArgumentException($"{value} has more than {decimals} decimals.", nameof(value));
        return (long)scaled;
    }

    private static long[] BuildPow10()
    {
        var table = new long[19];
        table[0] = 1;
        for (var i = 1; i < table.Length; i++) table[i] = table[i - 1] * 10;
        return table;
    }
}
