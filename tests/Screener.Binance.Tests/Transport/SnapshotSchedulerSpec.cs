using Screener.Binance.Transport;

namespace Screener.Binance.Tests.Transport;

public sealed class SnapshotSchedulerSpec
{
    [Fact]
    public void SnapshotScheduler_must_start_one_fetch_per_symbol()
    {
        var schedule = new SnapshotScheduler();

        Assert.True(schedule.TryBegin("BTCUSDT", 0));
        Assert.False(schedule.TryBegin("BTCUSDT", 1));
        Assert.True(schedule.TryBegin("ETHUSDT", 1));
        schedule.Succeeded("BTCUSDT");
        Assert.False(schedule.TryBegin("BTCUSDT", long.MaxValue));
        Assert.True(schedule.IsDone("BTCUSDT"));
    }

    [Fact]
    public void SnapshotScheduler_must_retry_a_failed_symbol_only_after_its_retry_time()
    {
        var schedule = new SnapshotScheduler();
        schedule.TryBegin("BTCUSDT", 0);

        schedule.Failed("BTCUSDT", retryAtTicks: 100);

        Assert.False(schedule.TryBegin("BTCUSDT", 99));
        Assert.True(schedule.TryBegin("BTCUSDT", 100));
        Assert.False(schedule.TryBegin("BTCUSDT", 200));
        Assert.False(schedule.IsDone("BTCUSDT"));
    }
}
