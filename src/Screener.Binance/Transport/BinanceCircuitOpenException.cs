using Screener.Contracts.Time;

namespace Screener.Binance.Transport;

/// <summary>
/// A request was refused locally because the REST circuit breaker is open after repeated 429s; nothing was sent.
/// Continuing after 429s is what earns a 418 IP ban.
/// </summary>
public sealed class BinanceCircuitOpenException : Exception
{
    /// <summary>Creates the exception for a refused call to <paramref name="endpoint"/>.</summary>
    public BinanceCircuitOpenException(string endpoint, long openUntilTicks, int consecutive429s)
        : base($"Binance {endpoint} not requested: REST circuit breaker open after {consecutive429s} consecutive 429 responses, " +
               $"until {UtcTime.ToDateTime(openUntilTicks):O}")
    {
        Endpoint = endpoint;
        OpenUntilTicks = openUntilTicks;
    }

    /// <summary>Endpoint path that was not requested.</summary>
    public string Endpoint { get; }

    /// <summary>When the breaker lets requests through again, UTC ticks.</summary>
    public long OpenUntilTicks { get; }
}
