using Screener.Contracts;
using Screener.Hosting;
using Screener.Sim.Server;
using Xunit.Abstractions;

namespace Screener.Tests.EndToEnd;

[Collection(NodeCollection.Name)]
public sealed class RestartWithBackoffSpec(ITestOutputHelper output)
{
    [Fact]
    public async Task Node_must_reconnect_count_the_restart_and_keep_producing_when_the_exchange_drops_every_connection()
    {
        await using var sim = await SimExchange.StartAsync(new SimSettings { Seed = 7, SymbolCount = 4 });
        var db = JournalFixture.TempDb("restart.db");
        await using var node = await ScreenerNode.StartAsync(new NodeOptions(db, sim.WebSocketBase, sim.RestBase, sim.Symbols,
            Overrides: ["screener.exchange.backoff-min = 100ms", "screener.exchange.backoff-max = 1s"]), CancellationToken.None);

        await Until(() => node.Telemetry.Decode[DecodeOutcome.Events] > 200, "frames before the drop");
        var before = node.Telemetry.Decode[DecodeOutcome.Events];
        var dropped = sim.DisconnectAll();
        var droppedAt = DateTime.UtcNow;
        Assert.Equal(node.Ingest.Connections.Count, dropped);

        await Until(() => node.Ingest.Connections.All(c => c.Counters.Restarts >= 1 && c.Counters.Connects >= 2), "every connection restarted");
        var reconnected = DateTime.UtcNow - droppedAt;
        await Until(() => node.Telemetry.Decode[DecodeOutcome.Events] > before + 500, "frames after the restart");
        output.WriteLine($"dropped {dropped} connections; all reconnected after {reconnected.TotalMilliseconds:F0} ms; " +
                         string.Join("; ", node.Ingest.Connections.Select(c => $"{c.Id}: {c.Counters}")));

        Assert.All(node.Ingest.Connections, c => Assert.NotNull(c.Counters.LastDisconnectReason));
        Assert.False(node.Completion.IsCompleted, "the graph must keep running across reconnects");
        await node.StopAsync(TimeSpan.FromSeconds(20));
        var stats = await JournalFixture.ReadAsync(db, r => r.StatsAsync());
        Assert.True(stats.Single(s => s.PersistenceId == "raw-s0").Frames >= node.Telemetry.Decode.Frames,
            "every frame that entered the graph is in the raw journal");
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(50);
        }
    }
}
