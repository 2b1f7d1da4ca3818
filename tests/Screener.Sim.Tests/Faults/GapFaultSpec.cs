using System.Text.Json;
using Screener.Sim.Faults;
using Screener.Sim.Server;
using Screener.Sim.Tests.Support;
using Xunit;

namespace Screener.Sim.Tests.Faults;

public sealed class GapFaultSpec
{
    private const string Books = "/public/stream?streams=btcusdt@depth@100ms/ethusdt@depth@100ms";

    [Fact]
    public async Task Gap_symbol_must_break_the_pu_chain_of_that_symbol_only()
    {
        await using var exchange = await SimExchange.StartAsync(new SimSettings { SymbolCount = 3 });
        await using var client = await WsClient.ConnectAsync(new Uri(exchange.WebSocketBase, Books));
        Assert.NotNull(await client.NextAsync(Waits.Expect));
        exchange.Faults = SimFaults.Parse("gap-every=400ms,gap-symbol=BTCUSDT");
        var breaks = Breaks(await client.CollectAsync(TimeSpan.FromMilliseconds(1_800)));
        Assert.True(breaks["btcusdt@depth@100ms"] >= 2, $"breaks: {string.Join(", ", breaks)}");
        Assert.Equal(0, breaks["ethusdt@depth@100ms"]);
        Assert.True(exchange.FaultCounters.GapsInjected >= 2);
    }

    [Fact]
    public async Task Gap_every_must_take_turns_among_symbols_with_depth_subscribers()
    {
        await using var exchange = await SimExchange.StartAsync(new SimSettings { SymbolCount = 3, Faults = SimFaults.Parse("gap-every=250ms") });
        await using var client = await WsClient.ConnectAsync(new Uri(exchange.WebSocketBase, Books));
        var breaks = Breaks(await client.CollectAsync(TimeSpan.FromMilliseconds(1_800)));
        Assert.True(breaks["btcusdt@depth@100ms"] >= 1 && breaks["ethusdt@depth@100ms"] >= 1, $"breaks: {string.Join(", ", breaks)}");
    }

    /// <summary>Per stream, how often an update's <c>pu</c> is not the previous update's <c>u</c>.</summary>
    private static Dictionary<string, int> Breaks(List<string> frames)
    {
        var last = new Dictionary<string, long>();
        var breaks = new Dictionary<string, int> { ["btcusdt@depth@100ms"] = 0, ["ethusdt@depth@100ms"] = 0 };
        foreach (var frame in frames)
        {
            var root = JsonDocument.Parse(frame).RootElement;
            var stream = root.GetProperty("stream").GetString()!;
            var data = root.GetProperty("data");
            if (last.TryGetValue(stream, out var previous) && data.GetProperty("pu").GetInt64() != previous) breaks[stream]++;
            last[stream] = data.GetProperty("u").GetInt64();
        }
        Assert.True(last.Count == 2, "every depth stream must have delivered");
        return breaks;
    }
}
