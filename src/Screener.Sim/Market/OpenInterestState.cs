namespace Screener.Sim.Market;

/// <summary>
/// Open interest of one perpetual in lots (<c>GET /fapi/v1/openInterest</c>). It starts at an anchor implied
/// by the symbol's daily turnover; every traded lot opens or closes a position about equally often, a weak
/// pull toward the anchor keeps long runs stationary, and liquidations only ever close positions. It draws
/// from its own random stream, so adding it left every existing wire stream of a seed unchanged.
/// </summary>
internal sealed class OpenInterestState
{
    private readonly SimRandom _rng;
    private readonly long _anchorLots;

    public OpenInterestState(SimRandom rng, long anchorLots)
    {
        _rng = rng;
        _anchorLots = Math.Max(10, anchorLots);
        Lots = _anchorLots;
    }

    public long Lots { get; private set; }

    public void Advance(long tradedLots, long liquidatedLots)
    {
        if (tradedLots == 0 && liquidatedLots == 0) return;
        var pull = 0.05 * ((double)_anchorLots / Lots - 1);
        var change = tradedLots * (0.2 * _rng.NextGaussian() + pull) - liquidatedLots;
        Lots = Math.Max(_anchorLots / 10, Lots + (long)Math.Round(change));
    }
}
