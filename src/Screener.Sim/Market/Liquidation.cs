namespace Screener.Sim.Market;

/// <summary>A forced order: SELL closes a long (price fell), BUY closes a short; order price is the bankruptcy side of the fills.</summary>
internal readonly record struct Liquidation(bool IsSell, long Lots, long LastFilledLots, long OrderTick, long AverageTick, long TimeMs);
