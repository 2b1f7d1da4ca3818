using System.Text.Json.Serialization;

namespace Screener.Contracts.Market;

/// <summary>
/// A normalised market-data event. Every kind carries the symbol, the exchange event time, the local receive
/// time (both UTC ticks) and the per-node sequence number of the frame it came from.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(Trade), "trade")]
[JsonDerivedType(typeof(BookTop), "bookTop")]
[JsonDerivedType(typeof(DepthDiff), "depthDiff")]
[JsonDerivedType(typeof(DepthSnapshot), "depthSnapshot")]
[JsonDerivedType(typeof(MarkPrice), "markPrice")]
[JsonDerivedType(typeof(Liquidation), "liquidation")]
[JsonDerivedType(typeof(OpenInterest), "openInterest")]
[JsonDerivedType(typeof(Kline), "kline")]
[JsonDerivedType(typeof(Connected), "connected")]
[JsonDerivedType(typeof(Disconnected), "disconnected")]
[JsonDerivedType(typeof(Subscribed), "subscribed")]
[JsonDerivedType(typeof(Gap), "gap")]
[JsonDerivedType(typeof(Stale), "stale")]
[JsonDerivedType(typeof(Heartbeat), "heartbeat")]
[JsonDerivedType(typeof(FundingInterval), "fundingInterval")]
public abstract record MarketEvent(string Symbol, long TsEvent, long TsInit, long Sequence) : IScreenerMessage, IWithSymbol;
