using Screener.Analytics.Features;

namespace Screener.Analytics.Tests.Features;

public sealed class TickRingSpec
{
    [Fact]
    public void TickRing_must_hold_the_row_one_longest_window_before_the_latest()
    {
        var ring = new TickRing(1, [2, 4]);
        for (var i = 0; i < 10; i++) ring.Push([i]);

        Assert.Equal(9, ring.Ago(0, 0));
        Assert.Equal(5, ring.Ago(4, 0));
        Assert.Equal(9 + 8 + 7 + 6, ring.Sum(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ring.Ago(5, 0));
    }
}
