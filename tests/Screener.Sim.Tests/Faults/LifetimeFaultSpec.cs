using System.Diagnostics;
using Screener.Sim.Faults;
using Screener.Sim.Server;
using Screener.Sim.Tests.Support;
using Xunit;

namespace Screener.Sim.Tests.Faults;

public sealed class LifetimeFaultSpec
{
    [Fact]
    public async Task Lifetime_must_close_each_connection_normally_that_long_after_it_opened()
    {
        await using var exchange = await SimExchange.StartAsync(new SimSettings { SymbolCount = 1, Faults = SimFaults.Parse("lifetime=700ms") });
        var early = await Timed(new Uri(exchange.WebSocketBase, "/public/ws/btcusdt@depth@100ms"));
        await Task.Delay(300);
        var late = await Timed(new Uri(exchange.WebSocketBase, "/public/ws/btcusdt@depth@100ms"));

        // Each socket lives its own 700 ms from its own open (never less; the upper bound allows a loaded machine).
        foreach (var (client, lived) in new[] { early, late })
        {
            await using (client)
            {
                Assert.Same(client.Completion, await Task.WhenAny(client.Completion, Task.Delay(Waits.Expect)));
                Assert.Equal("close 1000 ", client.Ended);
                Assert.InRange(lived.ElapsedMilliseconds, 690, 2_500);
            }
        }
        Assert.True(await Waits.UntilAsync(() => exchange.FaultCounters.LifetimesCut == 2, Waits.Expect));
    }

    private static async Task<(WsClient Client, Stopwatch Lived)> Timed(Uri uri)
    {
        var lived = Stopwatch.StartNew();
        var client = await WsClient.ConnectAsync(uri);
        _ = client.Completion.ContinueWith(_ => lived.Stop(), TaskScheduler.Default);
        return (client, lived);
    }

    [Fact]
    public async Task ConnectionLifetime_must_apply_without_the_fault()
    {
        await using var exchange = await SimExchange.StartAsync(new SimSettings { SymbolCount = 1, ConnectionLifetime = TimeSpan.FromMilliseconds(400) });
        await using var client = await WsClient.ConnectAsync(new Uri(exchange.WebSocketBase, "/market/ws"));
        Assert.Same(client.Completion, await Task.WhenAny(client.Completion, Task.Delay(Waits.Expect)));
        Assert.Equal("close 1000 ", client.Ended);
    }
}
