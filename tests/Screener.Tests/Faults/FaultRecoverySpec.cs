using System.Diagnostics;
using Screener.Contracts;
using Screener.Hosting;
using Screener.Sim.Faults;
using Screener.Sim.Server;
using Xunit.Abstractions;

namespace Screener.Tests.Faults;

/// <summary>
/// One spec per simulator fault: a node runs against the faulty exchange and must detect the fault and recover
/// on its own. Each reports its detection and recovery time.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class FaultRecoverySpec(ITestOutputHelper output)
{
    [Fact]
    public async Task Node_must_detect_a_depth_gap_and_resync_that_symbol_alone_through_rest()
    {
        await using var run = await FaultRun.StartAsync("gap-every=2s");
        var clock = Stopwatch.StartNew();
        await run.Until(() => run.Health.Total("gap/") >= 1, "a gap to be detected");
        var detected = clock.Elapsed;
        await run.Until(() => run.Health.Total("resynced/") >= 1, "the gapped symbol to resync");
        Report("depth gap", detected, clock.Elapsed);

        var gapped = run.Health.Snapshot().Keys.Where(k => k.StartsWith("gap/")).Select(k => k[4..]).ToHashSet();
        var resynced = run.Health.Snapshot().Keys.Where(k => k.StartsWith("resync/")).Select(k => k[7..]).ToHashSet();
        Assert.Subset(gapped, resynced);
        Assert.True(resynced.Count < run.Sim.Symbols.Count, "only gapped symbols resync, never every book");
        Assert.Equal(0, run.Sim.Rest418Count);
    }

    [Fact]
    public async Task Node_must_flag_a_silent_symbol_stale_while_the_others_keep_flowing()
    {
        await using var run = await FaultRun.StartAsync("");
        await run.Until(() => run.Node.Telemetry.Decode[DecodeOutcome.Events] > 300, "data to flow");
        var clock = Stopwatch.StartNew();
        run.Sim.Faults = SimFaults.Parse("silent=ETHUSDT");
        await run.Until(() => run.Health.Total("stale/") >= 1, "the silent symbol to go stale");
        Report("silent symbol", clock.Elapsed, clock.Elapsed);

        var stale = run.Health.Snapshot().Keys.Where(k => k.StartsWith("stale/")).ToList();
        Assert.All(stale, k => Assert.EndsWith("/ETHUSDT", k));
        var before = run.Node.Telemetry.Decode[DecodeOutcome.Events];
        run.Sim.Faults = SimFaults.None;
        await run.Until(() => run.Node.Telemetry.Decode[DecodeOutcome.Events] > before + 200, "data to keep flowing");
    }

    [Fact]
    public async Task Node_must_flag_a_symbol_that_is_silent_from_the_start_from_its_confirmed_subscription()
    {
        var clock = Stopwatch.StartNew();
        await using var run = await FaultRun.StartAsync("silent=ETHUSDT");
        await run.Until(() => run.Health.Total("stale/") >= 2, "the never-heard symbol's depth and book ticker to go stale");
        Report("silent from the start", clock.Elapsed, clock.Elapsed);

        var stale = run.Health.Snapshot().Keys.Where(k => k.StartsWith("stale/")).ToList();
        Assert.All(stale, k => Assert.EndsWith("/ETHUSDT", k));
        Assert.Contains("stale/depth/ETHUSDT", stale);
        Assert.Contains("stale/book-ticker/ETHUSDT", stale);
        Assert.All(run.Node.Ingest.Connections, c => Assert.Equal(0, c.Counters.Restarts));
    }

    [Fact]
    public async Task Node_must_count_and_drop_malformed_frames_and_keep_producing()
    {
        await using var run = await FaultRun.StartAsync("malformed-every=300ms");
        await run.Until(() => run.Node.Telemetry.Decode[DecodeOutcome.Malformed] >= 3, "malformed frames to be counted");
        var events = run.Node.Telemetry.Decode[DecodeOutcome.Events];
        await run.Until(() => run.Node.Telemetry.Decode[DecodeOutcome.Events] > events + 200, "events after bad frames");
        Assert.False(run.Node.Completion.IsCompleted);
        Report("malformed frames", TimeSpan.Zero, TimeSpan.Zero);
    }

    [Fact]
    public async Task Node_must_reconnect_after_repeated_forced_disconnects_with_counted_restarts()
    {
        await using var run = await FaultRun.StartAsync("disconnect-every=1500ms");
        var clock = Stopwatch.StartNew();
        await run.Until(() => run.Node.Ingest.Connections.All(c => c.Counters.Restarts >= 2), "two restarts per connection");
        var events = run.Node.Telemetry.Decode[DecodeOutcome.Events];
        await run.Until(() => run.Node.Telemetry.Decode[DecodeOutcome.Events] > events + 200, "data after reconnecting");
        Report("forced disconnects", clock.Elapsed, clock.Elapsed);
        Assert.All(run.Node.Ingest.Connections, c => Assert.NotNull(c.Counters.LastDisconnectReason));
    }

    [Fact]
    public async Task Node_must_ride_through_the_connection_lifetime_cut_and_keep_producing()
    {
        await using var run = await FaultRun.StartAsync("lifetime=2s");
        var clock = Stopwatch.StartNew();
        await run.Until(() => run.Node.Ingest.Connections.All(c => c.Counters.Connects >= 2), "a reconnect after the cut");
        var events = run.Node.Telemetry.Decode[DecodeOutcome.Events];
        await run.Until(() => run.Node.Telemetry.Decode[DecodeOutcome.Events] > events + 200, "data after the cut");
        Report("24 h cut (accelerated)", clock.Elapsed, clock.Elapsed);
    }

    [Fact]
    public async Task Node_must_recover_when_the_server_pauses_and_resumes()
    {
        await using var run = await FaultRun.StartAsync("pause=2s@1s");
        await run.Until(() => run.Sim.FaultCounters.WritesPaused > 0, "the pause to start");
        var clock = Stopwatch.StartNew();
        var events = run.Node.Telemetry.Decode[DecodeOutcome.Events];
        await run.Until(() => run.Node.Telemetry.Decode[DecodeOutcome.Events] > events + 200, "data after the pause");
        Report("paused server", TimeSpan.Zero, clock.Elapsed);
    }

    private void Report(string fault, TimeSpan detected, TimeSpan recovered) =>
        output.WriteLine($"{fault}: detected after {detected.TotalMilliseconds:F0} ms, recovered after {recovered.TotalMilliseconds:F0} ms");

    private sealed class FaultRun : IAsyncDisposable
    {
        private FaultRun(SimExchange sim, ScreenerNode node)
        {
            Sim = sim;
            Node = node;
        }

        public SimExchange Sim { get; }

        public ScreenerNode Node { get; }

        public Pipeline.Instrumentation.HealthCounters Health => Node.Telemetry.Health;

        public static async Task<FaultRun> StartAsync(string faults)
        {
            var sim = await SimExchange.StartAsync(new SimSettings
            {
                Seed = 11, SymbolCount = 6, Faults = string.IsNullOrEmpty(faults) ? SimFaults.None : SimFaults.Parse(faults),
            });
            var node = await ScreenerNode.StartAsync(new NodeOptions(JournalFixture.TempDb("fault.db"), sim.WebSocketBase, sim.RestBase, sim.Symbols,
                Overrides:
                [
                    "screener.exchange.backoff-min = 100ms", "screener.exchange.backoff-max = 1s",
                    "screener.health.stale-after { depth = 2s, book-ticker = 2s, trade = 60s, mark-price = 5s }",
                ]), CancellationToken.None);
            return new FaultRun(sim, node);
        }

        public async Task Until(Func<bool> condition, string what)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(25);
            while (!condition())
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}.");
                await Task.Delay(50);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Node.DisposeAsync();
            await Sim.DisposeAsync();
        }
    }
}
