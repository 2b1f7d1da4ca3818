namespace Screener.Sim.Market;

/// <summary>
/// Index, mark and funding of one perpetual, advanced once per simulated second. The index tracks the
/// fair price with a small tracking error, the mark adds a mean-reverting premium that leans with the
/// recent move, and the funding rate drifts slowly around the 0.01 % default toward the premium.
/// </summary>
internal sealed class MarkState
{
    private const double DefaultFunding = 0.0001;
    private double _indexDeviation;
    private double _premium;
    private bool _started;

    public double Index { get; private set; }

    public double Mark { get; private set; }

    /// <summary>Mark-price moving average (<c>ap</c>).</summary>
    public double MarkAverage { get; private set; }

    /// <summary>Estimated settle price (<c>P</c>); meaningful only before a delivery, a slow index average here.</summary>
    public double EstimatedSettle { get; private set; }

    public double FundingRate { get; private set; } = DefaultFunding;

    public void Advance(SimRandom rng, double fairPrice, double recentMoveSigmas)
    {
        _indexDeviation = 0.8 * _indexDeviation + 0.00005 * rng.NextGaussian();
        _premium = 0.95 * _premium + 0.00004 * rng.NextGaussian() + 0.00002 * Math.Tanh(recentMoveSigmas);
        Index = fairPrice * (1 + _indexDeviation);
        Mark = Index * (1 + _premium);
        if (!_started)
        {
            MarkAverage = Mark;
            EstimatedSettle = Index;
            _started = true;
        }
        MarkAverage += (Mark - MarkAverage) / 5;
        EstimatedSettle += (Index - EstimatedSettle) / 300;
        var target = DefaultFunding + 0.5 * _premium;
        FundingRate = Math.Clamp(FundingRate + 0.01 * (target - FundingRate) + 0.000002 * rng.NextGaussian(), -0.003, 0.003);
    }

    /// <summary>Next funding time: the next 00:00/08:00/16:00 UTC boundary strictly after <paramref name="nowMs"/>.</summary>
    public static long NextFundingTime(long nowMs)
    {
        const long eightHours = 8 * 3_600_000L;
        return (nowMs / eightHours + 1) * eightHours;
    }
}
