namespace Screener.Sim.Market;

/// <summary>Market-wide volatility regime; scales volatility, trade arrivals, book churn and liquidations.</summary>
public enum MarketRegime
{
    Calm,
    Normal,
    Volatile,
}
