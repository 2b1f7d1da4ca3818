namespace Screener.Sim.Market;

/// <summary>Rolling 24 h statistics of one symbol in ticks and lots, before formatting.</summary>
internal readonly record struct DayStats(
    long OpenTick,
    long HighTick,
    long LowTick,
    long LastTick,
    long LastLots,
    long VolumeLots,
    Int128 QuoteTickLots,
    long OpenTimeMs,
    long CloseTimeMs,
    long FirstTradeId,
    long LastTradeId);
