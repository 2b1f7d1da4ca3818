using Screener.Contracts.Time;

namespace Screener.Binance.Transport;

/// <summary>A request was refused locally because the IP is under a 418 ban; nothing was sent.</summary>
public sealed class BinanceIpBannedException : Exception
{
    /// <summary>Creates the exception for a refused call to <paramref name="endpoint"/>.</summary>
    public BinanceIpBannedException(string endpoint, long bannedUntilTicks)
        : base($"Binance {endpoint} not requested: IP banned until {UtcTime.ToDateTime(bannedUntilTicks):O}")
    {
        Endpoint = endpoint;
        BannedUntilTicks = bannedUntilTicks;
    }

    /// <summary>Endpoint path that was not requested.</summary>
    public string Endpoint { get; }

    /// <summary>End of the ban, UTC ticks.</summary>
    public long BannedUntilTicks { get; }
}
