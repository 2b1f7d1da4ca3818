using System.Diagnostics;
using Screener.Sim.Faults;
using Screener.Sim.Server;
using Screener.Sim.Tests.Support;
using Xunit;

namespace Screener.Sim.Tests.Faults;

public sealed class SimFaultsSpec
{
    [Fact]
    public async Task RestLatency_must_delay_responses_until_cleared()
    {
        await using var exchange = await SimExchange.StartAsync(new SimSettings { Faults = new SimFaults { RestLatency = TimeSpan.FromMilliseconds(1_000) } });
        using var http = new HttpClient { BaseAddress = exchange.RestBase, Timeout = Waits.Expect };
        var clock = Stopwatch.StartNew();
        await http.GetStringAsync("/fapi/v1/depth?symbol=BTCUSDT&limit=5");
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(980), $"took {clock.Elapsed}");

        exchange.Faults = SimFaults.None;
        clock.Restart();
        await http.GetStringAsync("/fapi/v1/depth?symbol=BTCUSDT&limit=5");
        // Well under the injected second, with room for a loaded machine.
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(700), $"took {clock.Elapsed}");
    }
}
