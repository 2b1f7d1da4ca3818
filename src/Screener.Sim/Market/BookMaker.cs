namespace Screener.Sim.Market;

/// <summary>
/// The liquidity rules of the simulated book: makers re-quote around the fair price, takers walk the
/// ladder, resting orders churn near the touch, and the far end is extended or trimmed to keep the
/// configured depth. Every change goes through <see cref="SymbolBook.Set"/> so it reaches the diff stream.
/// </summary>
internal static class BookMaker
{
    /// <summary>The size in lots of a new quote on one side at ladder index <paramref name="index"/> (0 = the touch).</summary>
    public delegate long DepthLots(bool isBid, int index);

    private const int MaxSweepTrades = 5;
    private const int MaxLevelsPerTaker = 15;
    private const int MaxGapFill = 30;

    /// <summary>Builds the initial ladder around <paramref name="bidTick"/>/<paramref name="askTick"/>.</summary>
    public static void Seed(SymbolBook book, SimRandom rng, long bidTick, long askTick, int levels, DepthLots depthLots)
    {
        SeedSide(book, rng, isBid: true, bidTick, levels, depthLots);
        SeedSide(book, rng, isBid: false, askTick, levels, depthLots);
    }

    /// <summary>
    /// Moves the touch to the targets. Levels the fair price moved through are consumed: some traded by
    /// takers on the move's side (so aggressor side follows the move), the rest cancelled by their makers.
    /// The vacated side is then re-quoted at the target with a partly filled gap behind it.
    /// </summary>
    public static void Recenter(SymbolBook book, TradeTape tape, SimRandom rng, long bidTarget, long askTarget, long timeMs, DepthLots depthLots)
    {
        var trades = 0;
        while (book.Asks.Count > 0 && book.Asks.Best < askTarget)
        {
            var tick = book.Asks.Best;
            if (trades < MaxSweepTrades && rng.Chance(0.3))
            {
                tape.Add(timeMs, tick, book.Asks.LotsAt(tick), buyerIsMaker: false);
                trades++;
            }
            book.Set(false, tick, 0, timeMs);
        }
        while (book.Bids.Count > 0 && book.Bids.Best > bidTarget)
        {
            var tick = book.Bids.Best;
            if (trades < MaxSweepTrades && rng.Chance(0.3))
            {
                tape.Add(timeMs, tick, book.Bids.LotsAt(tick), buyerIsMaker: true);
                trades++;
            }
            book.Set(true, tick, 0, timeMs);
        }
        Requote(book, rng, bidTarget, askTarget, timeMs, depthLots);
    }

    /// <summary>Quotes the targets on both sides when the touch is behind them, partly filling the gap.</summary>
    public static void Requote(SymbolBook book, SimRandom rng, long bidTarget, long askTarget, long timeMs, DepthLots depthLots)
    {
        RequoteSide(book, rng, isBid: true, bidTarget, timeMs, depthLots);
        RequoteSide(book, rng, isBid: false, askTarget, timeMs, depthLots);
    }

    /// <summary>A marketable IOC order of <paramref name="lots"/> walking the opposite side; the unfilled rest expires.</summary>
    public static void Take(SymbolBook book, TradeTape tape, bool isBuy, long lots, long timeMs)
    {
        var side = isBuy ? book.Asks : book.Bids;
        for (var level = 0; level < MaxLevelsPerTaker && lots > 0 && side.Count > 1; level++)
        {
            var tick = side.Best;
            var resting = side.LotsAt(tick);
            var filled = Math.Min(lots, resting);
            tape.Add(timeMs, tick, filled, buyerIsMaker: !isBuy);
            book.Set(!isBuy, tick, resting - filled, timeMs);
            lots -= filled;
        }
    }

    /// <summary>Resting-order churn, concentrated near the touch: resize, cancel, or add a level behind an existing one.</summary>
    public static void Churn(SymbolBook book, SimRandom rng, int minLevels, long timeMs, DepthLots depthLots)
    {
        var isBid = rng.Chance(0.5);
        var side = book.Side(isBid);
        if (side.Count == 0) return;
        var index = Math.Min(side.Count - 1, (int)rng.NextExponential(12));
        var tick = side.TickAt(index);
        var action = rng.NextDouble();
        if (action < 0.55)
        {
            book.Set(isBid, tick, depthLots(isBid, index), timeMs);
        }
        else if (action < 0.75)
        {
            if (side.Count > minLevels) book.Set(isBid, tick, 0, timeMs);
        }
        else
        {
            var outward = isBid ? -1 : 1;
            var candidate = tick + outward * (1 + rng.NextLong(0, 3));
            if (candidate > 0 && !side.Contains(candidate)) book.Set(isBid, candidate, depthLots(isBid, index + 1), timeMs);
        }
    }

    /// <summary>Extends the far end when the side is short, trims it when long, so the ladder keeps its depth as prices trend.</summary>
    public static void MaintainDepth(SymbolBook book, SimRandom rng, int levels, long timeMs, DepthLots depthLots)
    {
        foreach (var isBid in (ReadOnlySpan<bool>)[true, false])
        {
            var side = book.Side(isBid);
            var outward = isBid ? -1 : 1;
            while (side.Count < levels)
            {
                var tick = side.Deepest + outward * (1 + (long)rng.NextExponential(1.5));
                if (tick <= 0) break;
                book.Set(isBid, tick, depthLots(isBid, side.Count), timeMs);
            }
            var ceiling = levels + levels / 20 + 5;
            while (side.Count > ceiling) book.Set(isBid, side.Deepest, 0, timeMs);
        }
    }

    private static void RequoteSide(SymbolBook book, SimRandom rng, bool isBid, long target, long timeMs, DepthLots depthLots)
    {
        var side = book.Side(isBid);
        if (side.Count > 0 && !side.IsBetter(target, side.Best)) return;
        var inward = isBid ? 1 : -1;
        var from = side.Count > 0 ? side.Best + inward : target - inward * MaxGapFill;
        var gap = Math.Min(MaxGapFill, Math.Abs(target - from));
        for (var i = gap; i > 0; i--)
        {
            var tick = target - inward * i;
            if (tick > 0 && rng.Chance(0.5)) book.Set(isBid, tick, depthLots(isBid, (int)i), timeMs);
        }
        book.Set(isBid, target, depthLots(isBid, 0), timeMs);
    }

    private static void SeedSide(SymbolBook book, SimRandom rng, bool isBid, long touch, int levels, DepthLots depthLots)
    {
        var outward = isBid ? -1 : 1;
        var tick = touch;
        var ladder = new List<(long Tick, long Lots)>(levels);
        for (var i = 0; i < levels && tick > 0; i++)
        {
            ladder.Add((tick, depthLots(isBid, i)));
            // Dense near the touch, sparser further out, as on liquid perpetual books.
            tick += outward * (i < 20 ? 1 + (rng.Chance(0.2) ? 1 : 0) : 1 + (long)rng.NextExponential(1.5));
        }
        book.SeedSide(isBid, ladder);
    }
}
