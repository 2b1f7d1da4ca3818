namespace Screener.Binance.Universe;

/// <summary>One symbol of the <see cref="Universe"/>, with what sizing and funding normalisation need.</summary>
/// <param name="Symbol">Uppercase symbol, for example <c>BTCUSDT</c>.</param>
/// <param name="BaseAsset">Base asset.</param>
/// <param name="QuoteAsset">Quote asset.</param>
/// <param name="ContractType"><c>PERPETUAL</c>, <c>TRADIFI_PERPETUAL</c>…; null on spot.</param>
/// <param name="TickSize"><c>PRICE_FILTER.tickSize</c> (0 when absent).</param>
/// <param name="StepSize"><c>LOT_SIZE.stepSize</c> (0 when absent).</param>
/// <param name="FundingIntervalHours">From <c>fundingInfo</c>; <see cref="UniverseSettings.DefaultFundingIntervalHours"/> when not listed.</param>
/// <param name="QuoteVolume24h">Rolling 24 h quote volume when the ticker was read (volume filter or top-N on), else null.</param>
public sealed record UniverseSymbol(
    string Symbol, string BaseAsset, string QuoteAsset, string? ContractType, decimal TickSize, decimal StepSize,
    int FundingIntervalHours, decimal? QuoteVolume24h);
