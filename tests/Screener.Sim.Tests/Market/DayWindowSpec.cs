using Screener.Sim.Market;
using Xunit;

namespace Screener.Sim.Tests.Market;

public sealed class DayWindowSpec
{
    private const long Start = 1_791_382_980_000; // on a minute
    private const long Day = 86_400_000;

    private static DayWindow Window()
    {
        var window = new DayWindow(Start, priorTick: 1000, priorLots: 2400, priorTrades: 240, firstTradeId: 10_000);
        window.Add(new Fill(10_000, Start + 1_000, 1010, 5, BuyerIsMaker: false));
        window.Add(new Fill(10_001, Start + 61_000, 990, 3, BuyerIsMaker: true));
        return window;
    }

    [Fact]
    public void DayWindow_must_blend_the_prior_day_with_simulated_trades()
    {
        var stats = Window().Read(Start + 120_000);
        Assert.Equal((1000L, 1010L, 990L, 990L, 3L), (stats.OpenTick, stats.HighTick, stats.LowTick, stats.LastTick, stats.LastLots));
        Assert.Equal(2397 + 8, stats.VolumeLots);
        Assert.Equal((Int128)2397 * 1000 + 5 * 1010 + 3 * 990, stats.QuoteTickLots);
        Assert.Equal((10_000L - 240, 10_001L), (stats.FirstTradeId, stats.LastTradeId));
        Assert.Equal((Start + 120_000 - Day, Start + 61_000), (stats.OpenTimeMs, stats.CloseTimeMs));
    }

    [Fact]
    public void DayWindow_must_slide_the_prior_day_out_as_the_run_ages()
    {
        var window = Window();
        var half = window.Read(Start + Day / 2);
        Assert.Equal((1200L + 8, 10_000L - 120), (half.VolumeLots, half.FirstTradeId));

        // A day later only the simulated minutes inside the window count, oldest minute first to go.
        var day = window.Read(Start + Day + 30_000);
        Assert.Equal((1010L, 8L, 10_000L), (day.OpenTick, day.VolumeLots, day.FirstTradeId));
        var later = window.Read(Start + Day + 90_000);
        Assert.Equal((990L, 990L, 3L, 10_001L, 10_001L), (later.OpenTick, later.HighTick, later.VolumeLots, later.FirstTradeId, later.LastTradeId));
        Assert.Equal(Start + 60_000, later.OpenTimeMs);
    }
}
