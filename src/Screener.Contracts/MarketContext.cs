namespace Screener.Contracts;

/// <summary>
/// Market-wide state at one cadence time, computed once by the clock-and-context stage so that every
/// symbol substream sees the same context for the same event time.
/// </summary>
/// <param name="BtcReturnBps">BTC mid return over the last cadence interval, basis points.</param>
/// <param name="BtcVolatilityBps">BTC realized volatility over the context window, basis points per interval.</param>
/// <param name="Breadth">Share of active symbols whose mid rose over the last interval, in [0, 1].</param>
/// <param name="ActiveSymbols">Symbols ticked at this time.</param>
public sealed record MarketContext(long Time, double BtcReturnBps, double BtcVolatilityBps, double Breadth, int ActiveSymbols)
{
    public static MarketContext Empty(long time) => new(time, 0, 0, 0.5, 0);
}
