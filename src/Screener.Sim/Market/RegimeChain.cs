namespace Screener.Sim.Market;

/// <summary>
/// Continuous-time Markov switch between calm, normal and volatile, sampled once per step. Mean dwell
/// times (calm ~3 min, normal ~4 min, volatile ~1 min) make every regime show up in a short demo run.
/// </summary>
internal sealed class RegimeChain
{
    public MarketRegime Current { get; private set; } = MarketRegime.Normal;

    public double VolatilityMultiplier => Current switch
    {
        MarketRegime.Calm => 0.5,
        MarketRegime.Volatile => 2.5,
        _ => 1.0,
    };

    public double ActivityMultiplier => Current switch
    {
        MarketRegime.Calm => 0.6,
        MarketRegime.Volatile => 2.2,
        _ => 1.0,
    };

    public double LiquidationMultiplier => Current switch
    {
        MarketRegime.Calm => 0.2,
        MarketRegime.Volatile => 8.0,
        _ => 1.0,
    };

    public void Advance(SimRandom rng, double dtSeconds)
    {
        var u = rng.NextDouble();
        Current = Current switch
        {
            MarketRegime.Calm when u < dtSeconds / 180 => MarketRegime.Normal,
            MarketRegime.Normal when u < dtSeconds / 400 => MarketRegime.Calm,
            MarketRegime.Normal when u < dtSeconds / 400 + dtSeconds / 600 => MarketRegime.Volatile,
            MarketRegime.Volatile when u < dtSeconds / 60 => MarketRegime.Normal,
            _ => Current,
        };
    }
}
