using System.Diagnostics;
using Screener.Contracts;
using Screener.Contracts.Time;
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

    [Fact]
    public async Task Node_must_honour_retry_after_open_the_breaker_in_a_429_storm_and_resume_rest_after_the_cooldown()
    {
        var cooldown = TimeSpan.FromSeconds(2);
        var storm = TimeSpan.FromSeconds(4);
        await using var run = await FaultRun.StartAsync("",
            $"screener.exchange.rest.breaker-cooldown = {cooldown.TotalMilliseconds}ms",
            "screener.exchange.pollers { premium-index = 500ms, open-interest = off, funding-info = off }");
        var limiter = run.Node.Ingest.Limiter;
        var pollers = run.Node.Ingest.PollerCounters;
        await run.Until(() => pollers.Published >= 2 && run.Node.Telemetry.Decode[DecodeOutcome.Events] > 300, "data and polled REST to flow");

        var clock = Stopwatch.StartNew();
        run.Sim.Faults = SimFaults.Parse($"rest-429-storm={storm.TotalMilliseconds}ms");
        long? openUntil = null;
        await run.Until(() => limiter.Counters.BreakerOpens >= 1 && (openUntil = limiter.BreakerOpenUntilTicks) is not null, "the circuit breaker to open");
        var detected = clock.Elapsed;
        // The cooldown comes from HOCON (default 30 s): the breaker never stays open longer than it.
        Assert.True(TimeSpan.FromTicks(openUntil!.Value - DateTime.UtcNow.Ticks) <= cooldown, "the breaker stays open for the configured cooldown");
        await run.Until(() => limiter.Counters.Refused >= 1, "calls to be refused locally while the breaker is open");
        Assert.True(limiter.Counters.Throttled429 >= 2, $"the breaker opens on consecutive 429s: {limiter.Counters}");

        await run.Until(() => clock.Elapsed > storm, "the storm to end");
        var published = pollers.Published;
        await run.Until(() => pollers.Published > published && limiter.BreakerOpenUntilTicks is null, "polled REST to succeed again");
        Report("REST 429 storm", detected, clock.Elapsed);
        output.WriteLine($"exchange: {run.Sim.Rest429Count} x 429, {run.Sim.Rest418Count} x 418; limiter: {limiter.Counters}");

        // One REST caller (the premiumIndex poller, every 500 ms): each 429 carries Retry-After: 1, and the node sends
        // nothing before it has passed, so the storm sees at most one call per second.
        Assert.Equal(0, run.Sim.RestCallsBeforeRetryAfter);
        Assert.InRange(run.Sim.Rest429Count, 2, (long)storm.TotalSeconds + 1);
        Assert.Equal(run.Sim.Rest429Count, limiter.Counters.Throttled429);
        Assert.Equal(0, run.Sim.Rest418Count);
        Assert.Equal(0, limiter.Counters.Banned418);
    }

    [Fact]
    public async Task Node_must_stop_rest_during_a_418_ban_back_off_its_refused_sockets_and_recover_after_the_ban()
    {
        var ban = TimeSpan.FromSeconds(4);
        await using var run = await FaultRun.StartAsync("",
            "screener.exchange.pollers { premium-index = 500ms, open-interest = 3s, funding-info = 300ms }");
        var ingest = run.Node.Ingest;
        var limiter = ingest.Limiter;
        await run.Until(() => ingest.PollerCounters.Published >= 3 && run.Node.Telemetry.Decode[DecodeOutcome.Events] > 300, "data and polled REST to flow");
        var connects = ingest.Connections.ToDictionary(c => c.Id, c => c.Counters.Connects);
        var snapshots = ingest.SnapshotCounters.Published;

        var clock = Stopwatch.StartNew();
        run.Sim.Faults = SimFaults.Parse($"rest-418={ban.TotalMilliseconds}ms");
        await run.Until(() => limiter.BannedUntilTicks is not null, "the node to see the ban");
        var detected = clock.Elapsed;
        await run.Until(() => ingest.Connections.All(c => !c.Counters.IsUp), "the banned sockets to be closed");
        await run.Until(() => run.Sim.BannedUntil is null, "the ban to expire");
        var sentWhileBanned = run.Sim.Rest418Count;
        await run.Until(() => limiter.BannedUntilTicks is null, "the node's ban to end");

        // While banned every call is refused locally (the fundingInfo poller keeps trying every 300 ms); only calls already
        // in flight when the first 418 came back reach the exchange, one per REST caller at most.
        const int restCallers = 4;
        Assert.InRange(sentWhileBanned, 1, restCallers);
        Assert.True(limiter.Counters.Refused >= 3, $"calls during the ban are refused before they are sent: {limiter.Counters}");
        Assert.Equal(sentWhileBanned, limiter.Counters.Banned418);

        // The sockets are refused with 418 too; reconnects follow the configured backoff (100 ms doubling to 1 s), not a loop.
        var refused = run.Sim.WebSocketsRefusedWhileBanned;
        Assert.InRange(refused, 1, ingest.Connections.Count * MostConnectAttempts(ban, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1)));

        await run.Until(() => ingest.Connections.All(c => c.Counters.IsUp && c.Counters.Connects > connects[c.Id]), "every connection to reconnect");
        var events = run.Node.Telemetry.Decode[DecodeOutcome.Events];
        var published = ingest.PollerCounters.Published;
        await run.Until(() => ingest.SnapshotCounters.Published > snapshots && ingest.PollerCounters.Published > published
                              && run.Node.Telemetry.Decode[DecodeOutcome.Events] > events + 200, "snapshots, polls and data after the ban");
        Report("REST 418 ban", detected, clock.Elapsed);
        output.WriteLine($"exchange: {sentWhileBanned} REST calls during the ban (all 418), {refused} sockets refused; limiter: {limiter.Counters}");
        Assert.Equal(sentWhileBanned, run.Sim.Rest418Count);
        Assert.Equal(sentWhileBanned, limiter.Counters.Banned418);
    }

    [Fact]
    public async Task Node_must_flag_streams_stale_behind_a_slow_server_keep_producing_and_catch_up_when_it_clears()
    {
        await using var run = await FaultRun.StartAsync("");
        await run.Until(() => run.Node.Telemetry.Decode[DecodeOutcome.Events] > 300, "data to flow");
        var stale = run.Health.Total("stale/");

        // Frames leave the exchange 6 s late: the node first sees 6 s of silence (past the 2 s depth and book-ticker
        // thresholds), then the market again, 6 s behind.
        var clock = Stopwatch.StartNew();
        run.Sim.Faults = SimFaults.Parse("slow=6s");
        await run.Until(() => run.Health.Total("stale/") > stale, "the delayed streams to be flagged stale");
        var detected = clock.Elapsed;
        var events = run.Node.Telemetry.Decode[DecodeOutcome.Events];
        await run.Until(() => run.Lag() > TimeSpan.FromSeconds(4) && run.Node.Telemetry.Decode[DecodeOutcome.Events] > events + 200,
            "the node to keep producing from the delayed frames");
        Assert.True(run.Sim.FaultCounters.FramesDelayed > 0);

        run.Sim.Faults = SimFaults.None;
        events = run.Node.Telemetry.Decode[DecodeOutcome.Events];
        await run.Until(() => run.Lag() < TimeSpan.FromSeconds(1) && run.Node.Telemetry.Decode[DecodeOutcome.Events] > events + 200,
            "the node to catch up with the market");
        Report("slow server", detected, clock.Elapsed);
        output.WriteLine($"stale episodes: {run.Health.Total("stale/") - stale}, frames delayed by the exchange: {run.Sim.FaultCounters.FramesDelayed}");

        // Slow is not dead: the connections stay up, nothing is reconnected.
        Assert.All(run.Node.Ingest.Connections, c => Assert.Equal(0, c.Counters.Restarts));
        Assert.False(run.Node.Completion.IsCompleted);
    }

    /// <summary>
    /// Most connect attempts one restarting connection can make within <paramref name="window"/> when its delays start
    /// at <paramref name="min"/> and double up to <paramref name="max"/> (jitter only lengthens them), counting the first.
    /// </summary>
    private static int MostConnectAttempts(TimeSpan window, TimeSpan min, TimeSpan max)
    {
        var attempts = 1;
        var delay = min;
        for (var at = min; at <= window; at += delay)
        {
            attempts++;
            delay = delay * 2 < max ? delay * 2 : max;
        }
        return attempts;
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

        public static async Task<FaultRun> StartAsync(string faults, params string[] overrides)
        {
            var sim = await SimExchange.StartAsync(new SimSettings
            {
                Seed = 11, SymbolCount = 6, Faults = string.IsNullOrEmpty(faults) ? SimFaults.None : SimFaults.Parse(faults),
            });
            var node = await ScreenerNode.StartAsync(new NodeOptions(JournalFixture.TempDb("fault.db"), sim.WebSocketBase, sim.RestBase, sim.Symbols,
                Overrides:
                [
                    .. overrides,
                    "screener.exchange.backoff-min = 100ms", "screener.exchange.backoff-max = 1s",
                    "screener.health.stale-after { depth = 2s, book-ticker = 2s, trade = 60s, mark-price = 5s }",
                ]), CancellationToken.None);
            return new FaultRun(sim, node);
        }

        /// <summary>How far the node's newest market event is behind the exchange's market time.</summary>
        public TimeSpan Lag() =>
            TimeSpan.FromTicks(UtcTime.FromUnixMs(Sim.MarketTimeMs) - Node.Telemetry.Stages.For("clock-context").LastElementTicks);

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
