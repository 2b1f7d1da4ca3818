namespace Screener.Sim.Market;

/// <summary>One execution against a resting level; <paramref name="BuyerIsMaker"/> true means the taker sold.</summary>
internal readonly record struct Fill(long TradeId, long TimeMs, long Tick, long Lots, bool BuyerIsMaker);
