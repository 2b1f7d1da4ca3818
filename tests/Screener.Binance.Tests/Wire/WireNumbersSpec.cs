using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Screener.Binance.Wire;

namespace Screener.Binance.Tests.Wire;

public sealed class WireNumbersSpec
{
    [Theory]
    [InlineData("83091.70")]
    [InlineData("0.00000078")]
    [InlineData("-0.00003657")]
    [InlineData("0.0")]
    [InlineData("0.000")]
    [InlineData("-0.0")]
    [InlineData("-0")]
    [InlineData("00.10")]
    [InlineData("4529764")]
    [InlineData("9999999999999999999")]
    [InlineData("1844674407370955.161")]
    [InlineData("0.000000000000000001")]
    public void WireNumbers_must_parse_the_inline_shape_exactly_as_Utf8Parser(string text) =>
        AssertSameAsUtf8Parser(text, expectInline: true);

    [Theory]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("+1")]
    [InlineData("1e2")]
    [InlineData("1E+2")]
    [InlineData("-.5")]
    [InlineData("99999999999999999999")]
    [InlineData("18446744073709551616")]
    [InlineData("12345678901234567890.123456789")]
    [InlineData("0.1234567890123456789012345678901")]
    [InlineData("79228162514264337593543950335")]
    public void WireNumbers_must_leave_other_shapes_to_Utf8Parser_with_the_same_result(string text) =>
        AssertSameAsUtf8Parser(text, expectInline: false);

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("1.2x")]
    [InlineData("1.2.3")]
    [InlineData(" 1")]
    [InlineData("NaN")]
    [InlineData("99999999999999999999999999999999")]
    public void WireNumbers_must_reject_anything_but_a_whole_decimal(string text) =>
        Assert.False(WireNumbers.TryParseDecimal(Encoding.ASCII.GetBytes(text), out _));

    [Fact]
    public void WireNumbers_must_agree_with_Utf8Parser_on_100000_random_decimal_texts()
    {
        var random = new Random(11);
        const string alphabet = "0123456789000000.-";
        for (var i = 0; i < 100_000; i++)
        {
            var chars = new char[random.Next(1, 32)];
            for (var j = 0; j < chars.Length; j++)
                chars[j] = j > 0 && random.Next(3) > 0 ? (char)('0' + random.Next(10)) : alphabet[random.Next(alphabet.Length)];
            AssertSameAsUtf8Parser(new string(chars), expectInline: null);
        }
    }

    [Theory]
    [InlineData("0", 0L, 1)]
    [InlineData("7,", 7L, 1)]
    [InlineData("1791382992488}", 1791382992488L, 13)]
    [InlineData("999999999999999999", 999999999999999999L, 18)]
    [InlineData("01", 0L, 1)]
    public void WireNumbers_must_scan_unsigned_integers_up_to_18_digits(string text, long expected, int consumed)
    {
        var position = 0;
        Assert.True(WireNumbers.TryScanUnsignedInteger(Encoding.ASCII.GetBytes(text), ref position, out var value));
        Assert.Equal(expected, value);
        Assert.Equal(consumed, position);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("x")]
    [InlineData("1000000000000000000")]
    public void WireNumbers_must_decline_other_integers(string text)
    {
        var position = 0;
        Assert.False(WireNumbers.TryScanUnsignedInteger(Encoding.ASCII.GetBytes(text), ref position, out _));
        Assert.Equal(0, position);
    }

    private static void AssertSameAsUtf8Parser(string text, bool? expectInline)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        var reference = Utf8Parser.TryParse(bytes, out decimal expected, out var consumed) && consumed == bytes.Length;
        var ok = WireNumbers.TryParseDecimal(bytes, out var actual);
        Assert.True(reference == ok, $"'{text}': Utf8Parser {reference}, WireNumbers {ok}");
        if (ok) Assert.True(decimal.GetBits(expected).SequenceEqual(decimal.GetBits(actual)),
            $"'{text}': {expected.ToString(CultureInfo.InvariantCulture)} vs {actual.ToString(CultureInfo.InvariantCulture)}");
        if (expectInline is { } inline) Assert.Equal(inline, WireNumbers.TryParseSimpleDecimal(bytes, out _));
    }
}
