using Screener.Sim.Faults;
using Screener.Sim.Server;
using Screener.Sim.Tests.Support;
using Xunit;

namespace Screener.Sim.Tests.Faults;

public sealed class PauseFaultSpec
{
    [Fact]
    public async Task Pause_must_hold_all_output_then_resume_on_the_same_socket()
    {
        await using var exchange = await SimExchange.StartAsync(new SimSettings { SymbolCount = 1 });
        await using var client = await WsClient.ConnectAsync(new Uri(exchange.WebSocketBase, "/public/ws/btcusdt@depth@100ms"));
        await client.NextAsync(Waits.Expect);
        exchange.Faults = SimFaults.Parse("pause=1s@300ms");

        // Read until three frames have followed the pause (bounded: a loaded machine stretches every interval).
        var arrivals = new List<DateTime>();
        var end = DateTime.UtcNow.AddSeconds(6);
        var afterPause = -1;
        while (DateTime.UtcNow < end && afterPause < 3)
        {
            if (await client.NextTimedAsync(end - DateTime.UtcNow) is not { } message) break;
            if (afterPause >= 0) afterPause++;
            else if (arrivals.Count > 0 && (message.At - arrivals[^1]).TotalMilliseconds >= 800) afterPause = 0;
            arrivals.Add(message.At);
        }
        var gaps = arrivals.Zip(arrivals.Skip(1), (a, b) => (b - a).TotalMilliseconds).ToList();
        var longest = gaps.Max();
        // A one-second pause: never much shorter; longer only by what scheduling adds.
        Assert.InRange(longest, 800, 3_000);
        // Frames came before the pause and resume after it, on the same connection.
        var pauseAt = gaps.IndexOf(longest);
        Assert.True(pauseAt >= 1 && gaps.Count - pauseAt >= 3, $"pause at {pauseAt} of {gaps.Count}");
        Assert.Null(client.Ended);
        Assert.Equal(1, exchange.OpenConnections);
        Assert.True(exchange.FaultCounters.WritesPaused >= 1);
    }
}
