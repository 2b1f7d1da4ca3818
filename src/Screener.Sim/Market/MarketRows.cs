using System.Globalization;

namespace Screener.Sim.Market;

/// <summary>Formats a symbol's REST-visible state (24 h ticker, premium index, open interest) into wire rows.</summary>
internal static class MarketRows
{
    public static TickerRow Ticker(SymbolSim sim, long nowMs)
    {
        var spec = sim.Spec;
        var format = sim.Format;
        var day = sim.Day.Read(nowMs);
        var quote = (decimal)day.QuoteTickLots * spec.TickSize * spec.StepSize;
        var volume = day.VolumeLots * spec.StepSize;
        var average = volume > 0 ? quote / volume : day.LastTick * spec.TickSize;
        var open = day.OpenTick * spec.TickSize;
        var change = (day.LastTick - day.OpenTick) * spec.TickSize;
        return new TickerRow(
            spec.Symbol,
            PriceChange: format.Price(day.LastTick - day.OpenTick),
            PriceChangePercent: Fixed(open > 0 ? change / open * 100 : 0, 3),
            WeightedAvgPrice: Fixed(average, spec.PricePrecision),
            LastPrice: format.Price(day.LastTick),
            LastQty: format.Quantity(day.LastLots),
            OpenPrice: format.Price(day.OpenTick),
            HighPrice: format.Price(day.HighTick),
            LowPrice: format.Price(day.LowTick),
            Volume: format.Quantity(day.VolumeLots),
            QuoteVolume: Fixed(quote, 2),
            day.OpenTimeMs,
            day.CloseTimeMs,
            day.FirstTradeId,
            day.LastTradeId,
            Count: day.LastTradeId - day.FirstTradeId + 1);
    }

    public static PremiumRow Premium(SymbolSim sim)
    {
        var mark = sim.Mark;
        return new PremiumRow(
            sim.Spec.Symbol,
            Eight(mark.Mark),
            Eight(mark.Index),
            Eight(mark.EstimatedSettle),
            Eight(mark.FundingRate),
            Eight(mark.InterestRate),
            mark.NextFundingMs,
            mark.UpdatedMs);
    }

    public static OpenInterestRow OpenInterest(SymbolSim sim, long nowMs) =>
        new(sim.Spec.Symbol, sim.Format.Quantity(sim.OpenInterest.Lots), nowMs);

    /// <summary>Mark, index, settle and rates print with 8 decimals, as in the markPrice stream.</summary>
    private static string Eight(double value) => DecimalText.Format(DecimalText.ToUnits(value, 8), 8);

    private static string Fixed(decimal value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals, CultureInfo.InvariantCulture);
}
