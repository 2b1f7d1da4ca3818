namespace Screener.Sim.Market;

/// <summary>
/// Static description of one simulated USDⓈ-M perpetual: what exchangeInfo advertises and the parameters
/// that drive its price process.
/// </summary>
/// <param name="Symbol">Upper-case symbol as on the wire, e.g. <c>BTCUSDT</c>.</param>
/// <param name="BaseAsset">Base asset, e.g. <c>BTC</c>.</param>
/// <param name="InitialPrice">Starting mid price, on the tick grid.</param>
/// <param name="TickSize">PRICE_FILTER tick size.</param>
/// <param name="StepSize">LOT_SIZE step size.</param>
/// <param name="PricePrecision">Decimals printed for prices (may exceed the tick's own decimals, e.g. 0.10 → 2).</param>
/// <param name="QuantityPrecision">Decimals printed for quantities.</param>
/// <param name="Beta">Loading on the common (BTC) factor.</param>
/// <param name="Volatility">Idiosyncratic log-return volatility per √second in the normal regime.</param>
/// <param name="TradeRate">Baseline taker orders per second in the normal regime.</param>
/// <param name="MinNotional">MIN_NOTIONAL filter value in USDT.</param>
/// <param name="FundingIntervalHours">Hours between fundings: 8 by default, 4 on many 2025-26 listings.</param>
public sealed record SymbolSpec(
    string Symbol,
    string BaseAsset,
    decimal InitialPrice,
    decimal TickSize,
    decimal StepSize,
    int PricePrecision,
    int QuantityPrecision,
    double Beta,
    double Volatility,
    double TradeRate,
    decimal MinNotional,
    int FundingIntervalHours = 8)
{
    /// <summary>Lower-case symbol used in stream names (<c>btcusdt@aggTrade</c>).</summary>
    public string StreamKey { get; } = Symbol.ToLowerInvariant();

    /// <summary>
    /// Funding rate cap (floor = minus cap) as fundingInfo lists it: 0.3 % on 8 h contracts and 0.5 % on 4 h
    /// ones, the two values of the 2026 recording.
    /// </summary>
    public decimal FundingRateCap => FundingIntervalHours < 8 ? 0.005m : 0.003m;
}
