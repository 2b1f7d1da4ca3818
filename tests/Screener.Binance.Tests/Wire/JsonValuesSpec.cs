using System.Text;
using Screener.Binance.Wire;

namespace Screener.Binance.Tests.Wire;

public sealed class JsonValuesSpec
{
    [Theory]
    [InlineData("83091.70", "83091.70")]
    [InlineData("0.00000078", "0.00000078")]
    [InlineData("-0.00003657", "-0.00003657")]
    [InlineData("0.000", "0.000")]
    [InlineData("4529764", "4529764")]
    public void JsonValues_must_parse_decimal_strings_exactly(string text, string expected)
    {
        Assert.True(JsonValues.TryParseDecimal(Encoding.ASCII.GetBytes(text), out var value));
        Assert.Equal(expected, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.2x")]
    [InlineData("1.2.3")]
    [InlineData(" 1")]
    [InlineData("NaN")]
    [InlineData("99999999999999999999999999999999")]
    public void JsonValues_must_reject_anything_but_a_whole_decimal(string text) =>
        Assert.False(JsonValues.TryParseDecimal(Encoding.ASCII.GetBytes(text), out _));
}
