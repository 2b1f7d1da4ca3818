namespace Screener.Sim.Market;

/// <summary>Turns a symbol's integer ticks and lots into its wire decimals (price and quantity precision).</summary>
internal sealed class SymbolFormat
{
    private readonly long _tickUnits;
    private readonly long _stepUnits;

    public SymbolFormat(SymbolSpec spec)
    {
        PricePrecision = spec.PricePrecision;
        QuantityPrecision = spec.QuantityPrecision;
        _tickUnits = DecimalText.ToUnits(spec.TickSize, spec.PricePrecision);
        _stepUnits = DecimalText.ToUnits(spec.StepSize, spec.QuantityPrecision);
    }

    public int PricePrecision { get; }

    public int QuantityPrecision { get; }

    /// <summary>Decimals of a quote amount (price × quantity), as kline <c>q</c>/<c>Q</c> print it.</summary>
    public int QuotePrecision => PricePrecision + QuantityPrecision;

    public int WritePrice(long ticks, Span<byte> destination) => DecimalText.Write(ticks * _tickUnits, PricePrecision, destination);

    public int WriteQuantity(long lots, Span<byte> destination) => DecimalText.Write(lots * _stepUnits, QuantityPrecision, destination);

    public string Price(long ticks) => DecimalText.Format(ticks * _tickUnits, PricePrecision);

    public string Quantity(long lots) => DecimalText.Format(lots * _stepUnits, QuantityPrecision);

    public string Quote(Int128 tickLots) => DecimalText.Format(tickLots * _tickUnits * _stepUnits, QuotePrecision);
}
