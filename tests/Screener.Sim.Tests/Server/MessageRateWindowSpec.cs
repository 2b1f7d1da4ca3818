using Screener.Sim.Server;
using Xunit;

namespace Screener.Sim.Tests.Server;

public sealed class MessageRateWindowSpec
{
    [Fact]
    public void MessageRateWindow_must_refuse_the_eleventh_message_within_a_second()
    {
        var window = new MessageRateWindow(10, 1000);
        for (var i = 0; i < 10; i++) Assert.True(window.TryAdd(5_000 + i * 10));
        Assert.False(window.TryAdd(5_500));
        // Sliding: one second after the first message, one more fits.
        Assert.True(window.TryAdd(6_000));
        Assert.False(window.TryAdd(6_005));
        Assert.True(window.TryAdd(6_010));
    }

    [Fact]
    public void MessageRateWindow_must_allow_ten_a_second_indefinitely()
    {
        var window = new MessageRateWindow(10, 1000);
        for (var i = 0; i < 200; i++) Assert.True(window.TryAdd(i * 100));
    }
}
