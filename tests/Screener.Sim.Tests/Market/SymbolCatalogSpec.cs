using Screener.Sim.Market;
using Xunit;

namespace Screener.Sim.Tests.Market;

public sealed class SymbolCatalogSpec
{
    [Fact]
    public void SymbolCatalog_must_list_majors_first_with_fapi_like_filters()
    {
        var symbols = SymbolCatalog.Create(12);
        Assert.Equal(["BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT", "XRPUSDT", "DOGEUSDT"], symbols.Take(6).Select(s => s.Symbol));
        var btc = symbols[0];
        Assert.Equal((0.10m, 0.001m, 2, 3), (btc.TickSize, btc.StepSize, btc.PricePrecision, btc.QuantityPrecision));
        Assert.Equal("btcusdt", btc.StreamKey);
    }

    [Fact]
    public void SymbolCatalog_must_extend_with_stable_synthetic_contracts()
    {
        var many = SymbolCatalog.Create(SymbolCatalog.MaxSymbols);
        Assert.Equal("SIM013USDT", many[12].Symbol);
        Assert.Equal("SIM999USDT", many[^1].Symbol);
        Assert.Equal(many.Count, many.Select(s => s.Symbol).Distinct().Count());
        Assert.Equal(SymbolCatalog.Create(40)[20], many[20]);
        Assert.All(many, s =>
        {
            Assert.Equal(0, s.InitialPrice % s.TickSize);
            Assert.True(s.InitialPrice / s.TickSize >= 1000, $"{s.Symbol} has too coarse a tick");
            // Tick and step must be printable with the advertised precisions.
            Assert.True(DecimalText.ToUnits(s.TickSize, s.PricePrecision) >= 1);
            Assert.True(DecimalText.ToUnits(s.StepSize, s.QuantityPrecision) >= 1);
        });
    }

    [Fact]
    public void SymbolCatalog_must_refuse_counts_outside_its_range()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SymbolCatalog.Create(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SymbolCatalog.Create(SymbolCatalog.MaxSymbols + 1));
    }
}
