namespace Screener.Sim.Market;

/// <summary>
/// The exchange-wide order-book update id. Futures ids are global across all symbols (~1.2e13 in 2026),
/// so each draw skips a random number of ids that stand for the rest of the market; a symbol's next
/// <c>U</c> is therefore never its previous <c>u</c> + 1, exactly as on fstream.
/// </summary>
internal sealed class UpdateIdSource
{
    private readonly SimRandom _rng;

    public UpdateIdSource(SimRandom rng, long start)
    {
        _rng = rng;
        Current = start;
    }

    /// <summary>Last id handed out.</summary>
    public long Current { get; private set; }

    public long Next()
    {
        Current += 1 + _rng.NextLong(0, 40);
        return Current;
    }
}
