using System.Text.Json.Serialization;

namespace Screener.Contracts.Market;

/// <summary>An incremental order-book update (Binance <c>depthUpdate</c>).</summary>
/// <param name="FirstUpdateId"><c>U</c>: first update id in the event.</param>
/// <param name="FinalUpdateId"><c>u</c>: final update id in the event.</param>
/// <param name="PreviousFinalUpdateId"><c>pu</c>: the previous event's final id (futures); null on spot.</param>
public sealed record DepthDiff(
    string Symbol, long TsEvent, long TsInit, long Sequence,
    long FirstUpdateId, long FinalUpdateId, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? PreviousFinalUpdateId,
    EquatableArray<PriceLevel> Bids, EquatableArray<PriceLevel> Asks)
    : MarketEvent(Symbol, TsEvent, TsInit, Sequence);
