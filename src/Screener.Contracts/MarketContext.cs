namespace Screener.Contracts;

/// <summary>
/// Market-wide state at one cadence time, computed once by the clock-and-context stage so that every
/// symbol substream sees the same context for the same event time.
/// </summary>
/// <param name="BtcReturnBps">BTC mid log return over the last cadence interval, basis points.</param>
/// <param name="BtcVolatilityBps">BTC realized volatility over the last 5 min (square root of the summed squared
/// per-interval returns), basis points.</param>
/// <param name="Breadth">Share of symbols with a mid now and 30 s ago whose mid rose over those 30 s, in [0, 1]
/// (0.5 when none can be measured).</param>
/// <param name="ActiveSymbols">Symbols ticked at this time.</param>
/// <param name="BtcReturn30sBps">BTC mid log return over the last 30 s, basis points.</param>
/// <param name="EthReturnBps">ETH mid log return over the last cadence interval, basis points.</param>
/// <param name="EthReturn30sBps">ETH mid log return over the last 30 s, basis points.</param>
/// <param name="EthVolatilityBps">ETH realized volatility over the last 5 min, basis points.</param>
/// <param name="VolatilityRegime">Share of the last hour's ticks whose BTC 5-min volatility was at or below this
/// tick's, in [0, 1] (0.5 before any history).</param>
public sealed record MarketContext(
    long Time, double BtcReturnBps, double BtcVolatilityBps, double Breadth, int ActiveSymbols,
    double BtcReturn30sBps = 0, double EthReturnBps = 0, double EthReturn30sBps = 0, double EthVolatilityBps = 0,
    double VolatilityRegime = 0.5)
{
    public static MarketContext Empty(long time) => new(time, 0, 0, 0.5, 0);
}
