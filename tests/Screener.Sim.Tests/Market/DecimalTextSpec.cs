using Screener.Sim.Market;
using Xunit;

namespace Screener.Sim.Tests.Market;

public sealed class DecimalTextSpec
{
    [Theory]
    [InlineData(8309170L, 2, "83091.70")]
    [InlineData(0L, 3, "0.000")]
    [InlineData(22L, 3, "0.022")]
    [InlineData(127L, 0, "127")]
    [InlineData(-78L, 8, "-0.00000078")]
    [InlineData(1L, 8, "0.00000001")]
    [InlineData(long.MinValue, 0, "-9223372036854775808")]
    public void DecimalText_must_print_fixed_point_without_exponent(long units, int decimals, string expected) =>
        Assert.Equal(expected, DecimalText.Format(units, decimals));

    [Fact]
    public void DecimalText_must_print_wide_quote_volumes_exactly()
    {
        Assert.Equal("1125714.73960", DecimalText.Format((Int128)112571473960, 5));
        Assert.Equal("0.00001", DecimalText.Format((Int128)1, 5));
        Assert.Equal("18446744073709551616.00000", DecimalText.Format((Int128)ulong.MaxValue * 100000 + 100000, 5));
    }

    [Fact]
    public void DecimalText_must_reject_values_off_the_precision_grid() =>
        Assert.Throws<ArgumentException>(() => DecimalText.ToUnits(0.001m, 2));
}
