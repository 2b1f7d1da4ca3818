namespace Screener.Offline.Backtest;

/// <summary>How one scorer's ranking met the planted episodes of a simulated session (see <see cref="EpisodeCapture"/>).</summary>
/// <param name="Scorer">The model version, or the baseline's name.</param>
/// <param name="Episodes">Fired episodes judged: their precursors began after warm-up and their onset fell inside the session.</param>
/// <param name="OnBoardBeforeOnset">Episodes whose symbol was on the top-K board at some rank round between precursor start and onset.</param>
/// <param name="MedianLeadSeconds">Over those, the median time the symbol had been on the board when the move began (capped at the precursor window); NaN when none.</param>
/// <param name="TopKAtOnset">Episodes whose symbol was among the K highest scores (gated symbols last) at the last rank round before onset.</param>
/// <param name="MeanRankPercentileAtOnset">Mean of (rank - 1) / (symbols - 1) at that round: 0 is first, 1 is last, 0.5 is chance.</param>
/// <param name="Entries">SYMBOL_ENTER events in the session.</param>
/// <param name="EntriesDuringEpisodes">Of those, entries of a symbol between its fired episode's precursor start and end.</param>
public sealed record EpisodeCaptureResult(
    string Scorer, int Episodes, int OnBoardBeforeOnset, double MedianLeadSeconds, int TopKAtOnset, double MeanRankPercentileAtOnset,
    int Entries, int EntriesDuringEpisodes)
{
    public double OnBoardRate => Episodes == 0 ? double.NaN : (double)OnBoardBeforeOnset / Episodes;

    public double TopKRate => Episodes == 0 ? double.NaN : (double)TopKAtOnset / Episodes;

    public double EntryPrecision => Entries == 0 ? double.NaN : (double)EntriesDuringEpisodes / Entries;
}
