namespace Screener.Sim.Market.Episodes;

/// <summary>
/// The simulator's truth about one planted episode: what the model is asked to find and never sees. Everything but
/// <see cref="RealizedMoveBps"/> is drawn when the precursors start; the precursors themselves depend only on
/// <see cref="Probability"/> and <see cref="Direction"/>, never on <see cref="Fired"/>, so given what the market shows,
/// the move follows with probability <see cref="Probability"/>.
/// </summary>
/// <param name="Id">1, 2, 3, … in order of precursor start (symbols in catalog order within a step).</param>
/// <param name="Symbol">Upper-case symbol.</param>
/// <param name="PrecursorStartMs">Simulated Unix ms of the first step with precursors.</param>
/// <param name="OnsetMs">When the move starts (or the precursors start to fizzle out): 30 to 90 s after <paramref name="PrecursorStartMs"/>.</param>
/// <param name="EndMs">End of the move (60 to 240 s after onset) or of the fizzle (20 s after onset).</param>
/// <param name="Probability">The true probability that the move follows the precursors, 0.05 to 0.95, varying between episodes.</param>
/// <param name="Fired">Whether the move happened (drawn with <paramref name="Probability"/>).</param>
/// <param name="Direction">+1 up, -1 down: where the precursors lean and where the move goes if it fires.</param>
/// <param name="MagnitudeBps">Planted size of the move as a log return in bps (4 to 8 five-minute standard deviations
/// of the symbol); drawn for every episode, applied only when it fires.</param>
/// <param name="RealizedMoveBps">The fair price's log return from onset to end in bps, signed by <paramref name="Direction"/>
/// (planted move plus the market's own noise); null until the episode has ended.</param>
public sealed record InPlayEpisode(
    int Id,
    string Symbol,
    long PrecursorStartMs,
    long OnsetMs,
    long EndMs,
    double Probability,
    bool Fired,
    int Direction,
    double MagnitudeBps,
    double? RealizedMoveBps = null)
{
    /// <summary>True once the simulated clock has passed <see cref="EndMs"/>.</summary>
    public bool Complete => RealizedMoveBps is not null;
}
