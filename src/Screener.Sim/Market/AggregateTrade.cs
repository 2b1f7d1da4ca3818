namespace Screener.Sim.Market;

/// <summary>Fills with the same price and taker side within one step, as futures <c>aggTrade</c> aggregates them per 100 ms.</summary>
internal readonly record struct AggregateTrade(
    long AggregateId,
    long Tick,
    long Lots,
    long FirstTradeId,
    long LastTradeId,
    long TimeMs,
    bool BuyerIsMaker);
