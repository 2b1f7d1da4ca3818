namespace Screener.Contracts.Market;

/// <summary>Open interest in base units, polled over REST.</summary>
public sealed record OpenInterest(string Symbol, long TsEvent, long TsInit, long Sequence, decimal Value)
    : MarketEvent(Symbol, TsEvent, TsInit, Sequence);
