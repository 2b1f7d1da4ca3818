namespace Screener.Sim.Market;

/// <summary>Best bid and ask with their quantities, compared step to step to decide whether a bookTicker is due.</summary>
internal readonly record struct BookTop(long BidTick, long BidLots, long AskTick, long AskLots);
