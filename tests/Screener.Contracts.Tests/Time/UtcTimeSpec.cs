using Screener.Contracts.Time;
using Xunit;

namespace Screener.Contracts.Tests.Time;

/// <summary>UTC ticks are the one timestamp form; exchange milliseconds convert in and out without loss.</summary>
public sealed class UtcTimeSpec
{
    private const long ExchangeMs = 1791382992488;

    [Fact]
    public void UtcTime_must_round_trip_exchange_milliseconds()
    {
        var ticks = UtcTime.FromUnixMs(ExchangeMs);

        Assert.Equal(ExchangeMs, UtcTime.ToUnixMs(ticks));
        Assert.Equal(new DateTime(2026, 10, 7, 14, 23, 12, 488, DateTimeKind.Utc), UtcTime.ToDateTime(ticks));
        Assert.Equal(DateTimeKind.Utc, UtcTime.ToDateTime(ticks).Kind);
    }

    [Theory]
    [InlineData(1791382992488, 250, 1791382992250)]
    [InlineData(1791382992250, 250, 1791382992250)]
    [InlineData(1791382992249, 250, 1791382992000)]
    [InlineData(1791382992999, 250, 1791382992750)]
    [InlineData(1791382992488, 60_000, 1791382980000)]
    public void UtcTime_must_floor_to_the_cadence_boundary_at_or_before(long unixMs, long cadenceMs, long expectedUnixMs)
    {
        var cadence = TimeSpan.FromMilliseconds(cadenceMs).Ticks;

        Assert.Equal(UtcTime.FromUnixMs(expectedUnixMs), UtcTime.Floor(UtcTime.FromUnixMs(unixMs), cadence));
    }

    [Fact]
    public void UtcTime_must_floor_sub_millisecond_receive_times_into_their_own_interval()
    {
        // 0.9999 ms past the boundary is still inside that 250 ms interval, not the next one.
        var boundary = UtcTime.FromUnixMs(1791382992250);

        Assert.Equal(boundary, UtcTime.Floor(boundary + TimeSpan.TicksPerMillisecond - 1, TimeSpan.FromMilliseconds(250).Ticks));
        Assert.Equal(boundary - TimeSpan.FromMilliseconds(250).Ticks, UtcTime.Floor(boundary - 1, TimeSpan.FromMilliseconds(250).Ticks));
    }
}
