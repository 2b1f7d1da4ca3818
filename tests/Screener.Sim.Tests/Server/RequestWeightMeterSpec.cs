using Screener.Sim.Server;
using Xunit;

namespace Screener.Sim.Tests.Server;

public sealed class RequestWeightMeterSpec
{
    [Fact]
    public void RequestWeightMeter_must_reset_on_the_utc_minute_and_count_per_ip()
    {
        var meter = new RequestWeightMeter();
        const long minute = 1_791_382_980_000; // 00 seconds
        Assert.Equal(20, meter.Add("127.0.0.1", 20, minute + 1_000));
        Assert.Equal(30, meter.Add("127.0.0.1", 10, minute + 59_999));
        Assert.Equal(5, meter.Add("127.0.0.2", 5, minute + 30_000));
        Assert.Equal(2, meter.Add("127.0.0.1", 2, minute + 60_000));
    }
}
