namespace Screener.Sim.Market;

/// <summary>A kline interval served as <c>&lt;symbol&gt;@kline_&lt;name&gt;</c>; bars open on multiples of the interval in UTC.</summary>
/// <param name="Name">Wire name, e.g. <c>1m</c>.</param>
/// <param name="Milliseconds">Bar length.</param>
public sealed record KlineInterval(string Name, long Milliseconds)
{
    /// <summary>
    /// The fixed-length futures intervals. <c>3d</c>, <c>1w</c> and <c>1M</c> are left out: their bar
    /// alignment is calendar-specific and no consumer here needs them.
    /// </summary>
    public static IReadOnlyList<KlineInterval> All { get; } =
    [
        new("1m", 60_000), new("3m", 180_000), new("5m", 300_000), new("15m", 900_000), new("30m", 1_800_000),
        new("1h", 3_600_000), new("2h", 7_200_000), new("4h", 14_400_000), new("6h", 21_600_000),
        new("8h", 28_800_000), new("12h", 43_200_000), new("1d", 86_400_000),
    ];
}
