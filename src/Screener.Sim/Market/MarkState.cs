namespace Screener.Sim.Market;

/// <summary>
/// Index, mark and funding of one perpetual, advanced once per simulated second. The index tracks the
/// fair price with a small tracking error, the mark adds a mean-reverting premium that leans with the
/// recent move, and the funding rate drifts slowly around the default toward the premium. Rates are per
/// funding interval, so a 4 h contract's default and premium pull are half an 8 h contract's.
/// </summary>
internal sealed class MarkState
{
    private const double DefaultFunding8h = 0.0001;
    private readonly double _intervalScale;
    private readonly double _cap;
    private double _indexDeviation;
    private double _premium;
    private bool _started;

    public MarkState(int fundingIntervalHours, decimal fundingRateCap)
    {
        FundingIntervalHours = fundingIntervalHours;
        _intervalScale = fundingIntervalHours / 8.0;
        _cap = (double)fundingRateCap;
        InterestRate = DefaultFunding8h * _intervalScale;
        FundingRate = InterestRate;
    }

    public int FundingIntervalHours { get; }

    /// <summary>Interest component of funding per interval (premiumIndex <c>interestRate</c>): 0.03 % a day.</summary>
    public double InterestRate { get; }

    public double Index { get; private set; }

    public double Mark { get; private set; }

    /// <summary>Mark-price moving average (<c>ap</c>).</summary>
    public double MarkAverage { get; private set; }

    /// <summary>Estimated settle price (<c>P</c>); meaningful only before a delivery, a slow index average here.</summary>
    public double EstimatedSettle { get; private set; }

    public double FundingRate { get; private set; }

    /// <summary>Simulated time of the last advance: the <c>E</c> of the markPrice push and premiumIndex <c>time</c>.</summary>
    public long UpdatedMs { get; private set; }

    /// <summary>Next funding time after the last advance, on this contract's interval grid.</summary>
    public long NextFundingMs => NextFundingTime(UpdatedMs, FundingIntervalHours);

    public void Advance(SimRandom rng, double fairPrice, double recentMoveSigmas, long nowMs)
    {
        UpdatedMs = nowMs;
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
        var target = InterestRate + 0.5 * _premium * _intervalScale;
        FundingRate = Math.Clamp(FundingRate + 0.01 * (target - FundingRate) + 0.000002 * _intervalScale * rng.NextGaussian(), -_cap, _cap);
    }

    /// <summary>
    /// The next funding boundary strictly after <paramref name="nowMs"/>: every <paramref name="intervalHours"/>
    /// hours from 00:00 UTC (8 h: 00/08/16; 4 h: 00/04/08/…).
    /// </summary>
    public static long NextFundingTime(long nowMs, int intervalHours)
    {
        var interval = intervalHours * 3_600_000L;
        return (nowMs / interval + 1) * interval;
    }
}
