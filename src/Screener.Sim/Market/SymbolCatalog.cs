namespace Screener.Sim.Market;

/// <summary>
/// The simulated listing: twelve real-looking majors first (prices, ticks and steps close to 2026 fapi;
/// LINK, AVAX and DOT fund every 4 h),
/// then synthetic <c>SIM013USDT</c>… contracts whose parameters are derived from their index alone, so a
/// symbol keeps its shape whatever the seed or the symbol count.
/// </summary>
public static class SymbolCatalog
{
    /// <summary>Largest supported listing.</summary>
    public const int MaxSymbols = 999;

    private static readonly SymbolSpec[] Majors =
    [
        new("BTCUSDT", "BTC", 83000.00m, 0.10m, 0.001m, 2, 3, 1.00, 0.20e-4, 25, 100m),
        new("ETHUSDT", "ETH", 3100.00m, 0.01m, 0.001m, 2, 3, 1.20, 0.60e-4, 18, 20m),
        new("SOLUSDT", "SOL", 140.00m, 0.01m, 0.01m, 2, 2, 1.40, 0.90e-4, 10, 5m),
        new("BNBUSDT", "BNB", 600.000m, 0.010m, 0.01m, 3, 2, 0.80, 0.60e-4, 6, 5m),
        new("XRPUSDT", "XRP", 2.1000m, 0.0001m, 0.1m, 4, 1, 1.30, 1.00e-4, 8, 5m),
        new("DOGEUSDT", "DOGE", 0.16000m, 0.00001m, 1m, 5, 0, 1.60, 1.30e-4, 7, 5m),
        new("ADAUSDT", "ADA", 0.6200m, 0.0001m, 1m, 4, 0, 1.40, 1.10e-4, 4, 5m),
        new("LINKUSDT", "LINK", 14.500m, 0.001m, 0.01m, 3, 2, 1.40, 1.10e-4, 4, 5m, FundingIntervalHours: 4),
        new("AVAXUSDT", "AVAX", 21.000m, 0.001m, 1m, 3, 0, 1.50, 1.20e-4, 3, 5m, FundingIntervalHours: 4),
        new("LTCUSDT", "LTC", 88.00m, 0.01m, 0.001m, 2, 3, 1.10, 0.90e-4, 3, 20m),
        new("DOTUSDT", "DOT", 4.100m, 0.001m, 0.1m, 3, 1, 1.40, 1.10e-4, 3, 5m, FundingIntervalHours: 4),
        new("TRXUSDT", "TRX", 0.24000m, 0.00001m, 1m, 5, 0, 0.60, 0.80e-4, 2, 5m),
    ];

    /// <summary>The first <paramref name="count"/> symbols of the listing.</summary>
    public static IReadOnlyList<SymbolSpec> Create(int count)
    {
        if (count is < 1 or > MaxSymbols)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Symbol count must be 1..{MaxSymbols}.");
        var list = new List<SymbolSpec>(count);
        for (var i = 0; i < count; i++) list.Add(i < Majors.Length ? Majors[i] : Synthetic(i + 1));
        return list;
    }

    private static SymbolSpec Synthetic(int ordinal)
    {
        // Two decorrelated uniforms from the ordinal: price spans 0.01..1000 USDT log-uniformly.
        var rng = new SimRandom((ulong)ordinal * 0xD1B54A32D192ED03UL);
        var exponent = -2 + 5 * rng.NextDouble();
        var magnitude = (int)Math.Floor(exponent);
        // About 10 000 ticks across the price, as on real listings.
        var pricePrecision = Math.Clamp(4 - magnitude, 0, 8);
        var tick = 1m / DecimalText.Scale(pricePrecision);
        var price = Math.Round((decimal)Math.Pow(10, exponent), pricePrecision);
        if (price < 2000 * tick) price = 2000 * tick;
        // One lot is worth at most about 1 USDT, which keeps quantities human-sized.
        var quantityPrecision = Math.Clamp(magnitude + 1, 0, 3);
        var step = 1m / DecimalText.Scale(quantityPrecision);
        var name = $"SIM{ordinal:D3}";
        return new SymbolSpec(
            Symbol: name + "USDT",
            BaseAsset: name,
            InitialPrice: price,
            TickSize: tick,
            StepSize: step,
            PricePrecision: pricePrecision,
            QuantityPrecision: quantityPrecision,
            Beta: 0.6 + 1.4 * rng.NextDouble(),
            Volatility: (1.0 + 2.0 * rng.NextDouble()) * 1e-4,
            TradeRate: 0.5 + 3.0 * rng.NextDouble(),
            MinNotional: 5m,
            // Every third synthetic listing funds every 4 h, so interval handling is exercised at any symbol count.
            FundingIntervalHours: ordinal % 3 == 0 ? 4 : 8);
    }
}
