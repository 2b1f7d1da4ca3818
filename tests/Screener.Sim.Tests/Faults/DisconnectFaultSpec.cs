using Screener.Sim.Faults;
using Screener.Sim.Server;
using Screener.Sim.Tests.Support;
using Xunit;

namespace Screener.Sim.Tests.Faults;

public sealed class DisconnectFaultSpec
{
    [Fact]
    public async Task Disconnect_every_must_abort_every_socket_each_period()
    {
        await using var exchange = await SimExchange.StartAsync(new SimSettings { SymbolCount = 1 });
        var uri = new Uri(exchange.WebSocketBase, "/public/ws/btcusdt@depth@100ms");
        await using var first = await WsClient.ConnectAsync(uri);
        exchange.Faults = SimFaults.Parse("disconnect-every=500ms");
        Assert.Same(first.Completion, await Task.WhenAny(first.Completion, Task.Delay(Waits.Expect)));
        Assert.StartsWith("WebSocketException", first.Ended);

        // The next period drops the reconnected client too.
        await using var second = await WsClient.ConnectAsync(uri);
        Assert.NotNull(await second.NextAsync(Waits.Expect));
        Assert.Same(second.Completion, await Task.WhenAny(second.Completion, Task.Delay(Waits.Expect)));
        Assert.True(await Waits.UntilAsync(() => exchange.FaultCounters.DisconnectsForced >= 2, Waits.Expect));

        exchange.Faults = SimFaults.None;
        await using var third = await WsClient.ConnectAsync(uri);
        await Task.Delay(800);
        Assert.Null(third.Ended);
    }
}
