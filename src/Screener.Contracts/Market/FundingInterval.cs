namespace Screener.Contracts.Market;

/// <summary>
/// A symbol's funding interval (Binance <c>fundingInfo</c>; 8 hours unless listed otherwise). Funding rates are
/// compared across symbols only after normalising by it.
/// </summary>
public sealed record FundingInterval(string Symbol, long TsEvent, long TsInit, long Sequence, int Hours)
    : MarketEvent(Symbol, TsEvent, TsInit, Sequence);
