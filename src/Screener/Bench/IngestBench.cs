using System.Diagnostics;
using Akka.Actor;
using Akka.Configuration;
using Akka.Streams;
using Microsoft.Extensions.Logging.Abstractions;
using Screener.Binance.Normalise;
using Screener.Binance.Subscriptions;
using Screener.Binance.Transport;
using Screener.Binance.Universe;
using Screener.Commands;
using Screener.Configuration;
using Screener.Contracts;
using Screener.Contracts.Time;
using Screener.Hosting;
using Screener.Pipeline.Instrumentation;

namespace Screener.Bench;

/// <summary>
/// <c>screener bench ingest</c>: a blasting exchange in a child process sends a fixed tape over loopback WebSockets
/// into the node's own connector (planned connections, SUBSCRIBE and LIST_SUBSCRIPTIONS, REST snapshots behind the
/// weight limiter) and the ingest half of the graph (<see cref="IngestBenchGraph"/>). This process holds only the
/// consumer, so its CPU time over the measured window, divided by the messages in it, is the cost of one message.
/// </summary>
public static class IngestBench
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    public static async Task<IngestBenchResult> RunAsync(IngestBenchOptions options, TextWriter progress, CancellationToken ct)
    {
        var readyTimeout = TimeSpan.FromSeconds(60 + options.Messages / 20_000.0);
        progress.WriteLine($"starting the blaster: {options.Messages:N0} frames for {options.Symbols} symbols, seed {options.Seed} …");
        await using var blaster = await BlasterProcess.StartAsync(options.Symbols, options.Messages, options.Seed, readyTimeout, ct);
        foreach (var line in blaster.Header) progress.WriteLine($"  blaster: {line}");

        var config = HoconFiles.Load("dev", "sqlite");
        var exchange = SettingsReader.Exchange(config) with { WsBase = blaster.WebSocketBase, RestBase = blaster.RestBase };
        var clock = SystemClock.Instance;
        var limiter = new RestWeightLimiter(new RestLimiterSettings(), clock);
        using var rest = new BinanceRestClient(new BinanceRestSettings { BaseUri = exchange.RestBase }, clock, gate: limiter);
        var universe = await UniverseBuilder.BuildAsync(rest, UniverseSettings.Default, NullLogger.Instance, ct);
        if (universe.Count != options.Symbols)
            throw new BenchException($"the blaster lists {universe.Count} tradable symbols, {options.Symbols} were asked for.");

        // Snapshots of 100 levels (weight 5), or 50 (weight 2) for large universes, so every book's snapshot fits one minute's weight.
        var depthLimit = options.Symbols <= 400 ? 100 : 50;
        var streamsPerConnection = options.Connections is { } wanted ? StreamsFor(universe.Names, wanted, exchange.WsBase) : exchange.MaxStreamsPerConnection;
        var settings = BinanceIngest.SettingsFor(exchange with { MaxStreamsPerConnection = streamsPerConnection, DepthSnapshotLimit = depthLimit });
        if (options.ChannelCapacity is { } capacity) settings = settings with { Connection = settings.Connection with { ChannelCapacity = capacity } };
        await using var parts = BinanceIngestBuilder.Build(universe, settings, rest, clock, logs: null, limiter);
        progress.WriteLine($"connector: {parts.Connections.Count} connections ({string.Join(", ", parts.Connections.Select(c => $"{c.Id} {c.Plan.Streams.Count}"))} streams), " +
                           $"snapshots of {depthLimit} levels, {settings.Connection.ChannelCapacity} frames buffered per connection");

        var counters = new IngestBenchCounters(options.Warmup, blaster.TapeFrames);
        var telemetry = new ScreenerTelemetry();
        using var system = ActorSystem.Create("screener-bench", ConfigurationFactory.ParseString("akka.loglevel = WARNING\nakka.stdout-loglevel = WARNING"));
        var graph = IngestBenchGraph.Create(parts.Sources, Math.Max(16, options.Symbols * 2), new BinanceFrameDecoder(), telemetry, counters);
        var (stop, done) = graph.Run(system.Materializer(namePrefix: "bench"));
        try
        {
            await WatchAsync(options, blaster, parts, counters, done, progress, ct);
            await WaitForBooksAsync(options, counters, ct);
        }
        finally
        {
            stop.Shutdown();
            await Task.WhenAny(done, Task.Delay(StopTimeout, CancellationToken.None));
        }

        var sequenced = telemetry.Stages.For("ingest-sequence").Elements;
        var decode = telemetry.Decode;
        await system.Terminate();
        var childExit = await blaster.StopAsync();
        if (childExit != 0)
            throw new BenchException(childExit is null ? "the blaster did not stop when asked and was killed." : $"the blaster exited with code {childExit}.");

        return new IngestBenchResult(
            options, parts.Connections.Count, depthLimit, blaster.Header, blaster.TapeFrames, counters.WindowStart, counters.WindowEnd,
            sequenced, decode[DecodeOutcome.Events], decode[DecodeOutcome.Control], decode[DecodeOutcome.Unknown], decode[DecodeOutcome.Malformed],
            parts.Connections.Sum(c => c.Counters.RestFrames), counters.Messages,
            counters.DiffsApplied, counters.DiffsChained, counters.DiffsBuffered, counters.DiffsIgnored, counters.Gaps,
            counters.Snapshots, counters.SnapshotsRejected, counters.BooksSynced,
            counters.Trades, counters.BookTops, counters.Duplicates, counters.MarkPrices, counters.Liquidations,
            parts.Connections.Sum(c => c.Counters.Disconnects), blaster.StoppedLine);
    }

    /// <summary>Reports progress every second until the tape is through; fails on a dead child, a failed graph or a stall.</summary>
    private static async Task WatchAsync(
        IngestBenchOptions options, BlasterProcess blaster, BinanceIngestParts parts, IngestBenchCounters counters, Task done,
        TextWriter progress, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var last = 0L;
        var lastAt = started;
        var lastProgressAt = started;
        while (!counters.Finished.IsCompleted)
        {
            await Task.WhenAny(counters.Finished, done, Task.Delay(ProgressInterval, ct));
            ct.ThrowIfCancellationRequested();
            if (counters.Finished.IsCompleted) break;
            if (done.IsCompleted)
                throw new BenchException($"the graph stopped after {counters.Messages:N0} of {counters.Total:N0} messages: " +
                                         (done.Exception?.GetBaseException().Message ?? "it completed early"));
            blaster.ThrowIfExited();

            var now = Stopwatch.GetTimestamp();
            var messages = counters.Messages;
            var rate = (messages - last) / Stopwatch.GetElapsedTime(lastAt, now).TotalSeconds;
            progress.WriteLine($"  {Stopwatch.GetElapsedTime(started, now).TotalSeconds,5:F1} s  {messages,13:N0} / {counters.Total:N0} messages  " +
                               $"{rate,11:N0} msg/s  books synced {counters.BooksSynced}/{options.Symbols}  " +
                               $"connections up {parts.Connections.Count(c => c.Counters.IsUp)}/{parts.Connections.Count}");
            if (messages != last) lastProgressAt = now;
            else if (Stopwatch.GetElapsedTime(lastProgressAt, now) > options.StallTimeout)
                throw new BenchException($"no progress for {options.StallTimeout.TotalSeconds:F0} s at {messages:N0} of {counters.Total:N0} messages; " +
                                         $"connections: {string.Join("; ", parts.Connections.Select(c => $"{c.Id} {c.Counters}"))}");
            last = messages;
            lastAt = now;
        }
    }

    /// <summary>Books whose snapshot came after the tape's end still chain their buffered diffs; give them a moment.</summary>
    private static async Task WaitForBooksAsync(IngestBenchOptions options, IngestBenchCounters counters, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(options.SyncTimeout.TotalSeconds * Stopwatch.Frequency);
        while (counters.BooksSynced < options.Symbols && Stopwatch.GetTimestamp() < deadline)
            await Task.Delay(50, ct);
    }

    /// <summary>The most streams per connection for which the node's plan of <paramref name="symbols"/> has exactly <paramref name="connections"/> connections.</summary>
    internal static int StreamsFor(IReadOnlyList<string> symbols, int connections, Uri wsBase)
    {
        var reachable = new SortedSet<int>();
        for (var streams = StreamPlanSettings.BinanceMaxStreams; streams >= 3; streams--)
        {
            var count = StreamPlan.Create(symbols, BinanceIngest.Kinds, new StreamPlanSettings(wsBase, streams)).Connections.Count;
            if (count == connections) return streams;
            reachable.Add(count);
            if (count > connections) break;
        }
        throw new UsageException($"--connections {connections} cannot be planned for {symbols.Count} symbols; nearest possible: {string.Join(", ", reachable)}.");
    }
}
