namespace Screener.Analytics.Features;

/// <summary>
/// Funding rates are published per funding interval, which differs by symbol (8 hours by default, 4 on many
/// 2025-26 listings). Ranking compares symbols, so rates are normalised to an 8-hour basis first.
/// </summary>
public static class Funding
{
    public const int DefaultIntervalHours = 8;

    public static double Per8Hours(double rate, int intervalHours)
    {
        if (intervalHours <= 0) throw new ArgumentOutOfRangeException(nameof(intervalHours), intervalHours, "A funding interval is a positive number of hours.");
        return rate * 8.0 / intervalHours;
    }
}
