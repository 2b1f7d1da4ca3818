namespace Screener.Contracts.Time;

/// <summary>
/// The single timestamp representation of the contracts: UTC ticks (100 ns units since 0001-01-01 UTC,
/// the same as <see cref="DateTime.Ticks"/>). Exchange times are converted once, in the connector.
/// </summary>
public static class UtcTime
{
    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

    public static long FromUnixMs(long unixMs) => UnixEpochTicks + unixMs * TimeSpan.TicksPerMillisecond;

    public static long ToUnixMs(long utcTicks) => (utcTicks - UnixEpochTicks) / TimeSpan.TicksPerMillisecond;

    public static DateTime ToDateTime(long utcTicks) => new(utcTicks, DateTimeKind.Utc);

    /// <summary>Largest multiple of <paramref name="cadenceTicks"/> not after <paramref name="utcTicks"/>.</summary>
    public static long Floor(long utcTicks, long cadenceTicks) => utcTicks - utcTicks % cadenceTicks;
}
