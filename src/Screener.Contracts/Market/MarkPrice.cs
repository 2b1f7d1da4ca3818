using System.Text.Json.Serialization;

namespace Screener.Contracts.Market;

/// <summary>Mark price, index price and funding (Binance <c>markPriceUpdate</c>).</summary>
/// <param name="IndexPrice">Null on old payloads that lack <c>i</c>.</param>
/// <param name="FundingRate">Rate for the next funding, as published (not yet normalised by interval).</param>
/// <param name="NextFundingTime">UTC ticks; 0 when the contract has none.</param>
public sealed record MarkPrice(
    string Symbol, long TsEvent, long TsInit, long Sequence,
    decimal Mark, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] decimal? IndexPrice, decimal FundingRate, long NextFundingTime)
    : MarketEvent(Symbol, TsEvent, TsInit, Sequence);
