using System.Diagnostics;
using System.Text.Json;
using Screener.Sim.Faults;
using Screener.Sim.Server;
using Screener.Sim.Tests.Support;
using Xunit;

namespace Screener.Sim.Tests.Faults;

public sealed class SlowFaultSpec
{
    private const string List = """{"method":"LIST_SUBSCRIPTIONS","id":1}""";

    [Fact]
    public async Task Slow_must_delay_every_frame_by_its_latency_without_throttling()
    {
        await using var exchange = await SimExchange.StartAsync(new SimSettings { SymbolCount = 1, Faults = SimFaults.Parse("slow=600ms") });
        await using var client = await WsClient.ConnectAsync(new Uri(exchange.WebSocketBase, "/public/ws/btcusdt@depth@100ms"));
        await client.NextAsync(Waits.Expect);

        // Data arrives 600 ms after its event time (E follows the wall clock). It is a latency, not a throttle: a
        // throttle (one frame per 600 ms) would make the twelfth frame's lag at least 6.6 s.
        var frames = new List<(string Text, DateTime At)>();
        for (var i = 0; i < 12 && await client.NextTimedAsync(Waits.Expect) is { } frame; i++) frames.Add(frame);
        var lags = frames.Select(f => new DateTimeOffset(f.At).ToUnixTimeMilliseconds() - JsonDocument.Parse(f.Text).RootElement.GetProperty("E").GetInt64()).ToList();
        Assert.Equal(12, lags.Count);
        Assert.True(lags.Min() >= 580 && lags.Max() < 3_000, $"lags {string.Join(",", lags)}");

        var clock = Stopwatch.StartNew();
        await client.SendAsync(List);
        await client.ExpectAsync(m => m.StartsWith("{\"result\"", StringComparison.Ordinal), Waits.Expect, "reply");
        Assert.True(clock.ElapsedMilliseconds >= 580, $"reply after {clock.ElapsedMilliseconds} ms");
        Assert.True(exchange.FaultCounters.FramesDelayed > 5);

        exchange.Faults = SimFaults.None;
        await client.CollectAsync(TimeSpan.FromMilliseconds(700));
        clock.Restart();
        await client.SendAsync(List);
        await client.ExpectAsync(m => m.StartsWith("{\"result\"", StringComparison.Ordinal), Waits.Expect, "reply");
        // Faster than the injected delay: the cleared fault no longer holds replies back.
        Assert.True(clock.ElapsedMilliseconds < 580, $"reply after {clock.ElapsedMilliseconds} ms");
    }
}
