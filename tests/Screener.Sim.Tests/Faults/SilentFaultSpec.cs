using System.Text.Json;
using Screener.Sim.Faults;
using Screener.Sim.Server;
using Screener.Sim.Tests.Support;
using Xunit;

namespace Screener.Sim.Tests.Faults;

public sealed class SilentFaultSpec
{
    [Fact]
    public async Task Silent_symbol_must_get_no_frames_while_other_symbols_flow()
    {
        await using var exchange = await SimExchange.StartAsync(new SimSettings { SymbolCount = 3, Faults = SimFaults.Parse("silent=ETHUSDT") });
        await using var market = await WsClient.ConnectAsync(new Uri(exchange.WebSocketBase,
            "/market/stream?streams=btcusdt@aggTrade/ethusdt@aggTrade/ethusdt@markPrice@1s/!markPrice@arr@1s"));
        await using var books = await WsClient.ConnectAsync(new Uri(exchange.WebSocketBase, "/public/stream?streams=ethusdt@depth@100ms/!bookTicker"));
        var frames = (await market.CollectAsync(TimeSpan.FromMilliseconds(1_600))).Select(Parse).ToList();
        var bookFrames = (await books.CollectAsync(TimeSpan.FromMilliseconds(200))).Select(Parse).ToList();

        Assert.DoesNotContain(frames.Concat(bookFrames), f => f.Stream.StartsWith("ethusdt", StringComparison.Ordinal));
        Assert.Contains(frames, f => f.Stream == "btcusdt@aggTrade");
        var arrays = frames.Where(f => f.Stream == "!markPrice@arr@1s").ToList();
        Assert.NotEmpty(arrays);
        Assert.All(arrays, a => Assert.Equal(new[] { "BTCUSDT", "SOLUSDT" }, a.Data.EnumerateArray().Select(m => m.GetProperty("s").GetString()!).Order().ToArray()));
        Assert.NotEmpty(bookFrames);
        Assert.All(bookFrames, f => Assert.NotEqual("ETHUSDT", f.Data.GetProperty("s").GetString()));
        Assert.True(exchange.FaultCounters.FramesSilenced > 0);

        // Cleared: the symbol speaks again.
        exchange.Faults = SimFaults.None;
        await market.ExpectAsync(m => m.StartsWith("{\"stream\":\"ethusdt@", StringComparison.Ordinal), Waits.Expect, "ETHUSDT frame");
    }

    private static (string Stream, JsonElement Data) Parse(string frame)
    {
        var root = JsonDocument.Parse(frame).RootElement;
        return (root.GetProperty("stream").GetString()!, root.GetProperty("data").Clone());
    }
}
