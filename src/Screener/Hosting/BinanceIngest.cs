using Akka;
using Akka.Streams.Dsl;
using Microsoft.Extensions.Logging;
using Screener.Binance.Routing;
using Screener.Binance.Subscriptions;
using Screener.Binance.Transport;
using Screener.Binance.Universe;
using Screener.Configuration;
using Screener.Contracts;
using Screener.Contracts.Time;
using Screener.Pipeline.Flows;
using Screener.Pipeline.Instrumentation;
using Screener.Pipeline.Routing;

namespace Screener.Hosting;

/// <summary>
/// The live ingest head of a node: the universe (exchangeInfo, filtered to the configured symbols), the stable
/// stream plan (books on <c>/public</c>; trades, mark price and liquidations on <c>/market</c>), one restarting
/// connection per planned connection, the rate-limited REST path (snapshots, pollers), and the shedding
/// router, merged and sequenced into one source.
/// </summary>
public sealed class BinanceIngest : IAsyncDisposable
{
    public static readonly StreamKind[] Kinds =
        [StreamKind.Depth, StreamKind.BookTicker, StreamKind.AggTrade, StreamKind.MarkPrice, StreamKind.ForceOrder];

    private readonly BinanceIngestParts _parts;
    private readonly BinanceRestClient _rest;

    private BinanceIngest(BinanceIngestParts parts, BinanceIngestSettings settings, BinanceRestClient rest, RestWeightLimiter limiter, Source<RawFrame, NotUsed> source,
        SymbolPriorities priorities)
    {
        _parts = parts;
        Settings = settings;
        _rest = rest;
        Limiter = limiter;
        Source = source;
        Priorities = priorities;
    }

    public Universe Universe => _parts.Universe;

    public StreamPlan Plan => _parts.Plan;

    public IReadOnlyList<(string Id, ConnectionCounters Counters)> Connections =>
        _parts.Connections.Select(c => (c.Id, c.Counters)).ToList();

    /// <summary>The connector settings the parts were built with (from <c>screener.exchange</c>).</summary>
    public BinanceIngestSettings Settings { get; }

    public RestWeightLimiter Limiter { get; }

    /// <summary>Fetches, failures and retries of the depth snapshot queue.</summary>
    public SnapshotServiceCounters SnapshotCounters => _parts.Snapshots.Counters;

    /// <summary>Polls, failures and published frames of the slow REST pollers.</summary>
    public RestPollerCounters PollerCounters => _parts.Pollers.Counters;

    /// <summary>Where the graph asks for a symbol's snapshot after a gap (queued behind the REST limiter).</summary>
    public ISnapshotRequester Snapshots => _parts.Snapshots;

    /// <summary>Shedding priorities: configured symbols plus the current top-K (the node feeds the board in).</summary>
    public SymbolPriorities Priorities { get; }

    /// <summary>Merged, shed-guarded, heartbeat-injected, sequenced frames: nothing is opened until it is materialized.</summary>
    public Source<RawFrame, NotUsed> Source { get; }

    public static async Task<BinanceIngest> CreateAsync(
        ExchangeSettings exchange, UniverseSettings universeSettings, RouterSettings router, IClock clock, ScreenerTelemetry telemetry,
        ILoggerFactory logs, CancellationToken ct)
    {
        var limiter = new RestWeightLimiter(exchange.ToLimiterSettings(), clock, logs.CreateLogger("Screener.Binance.Limiter"));
        var rest = new BinanceRestClient(exchange.ToRestSettings(), clock, logs.CreateLogger("Screener.Binance.Rest"), gate: limiter);
        var universe = await UniverseBuilder.BuildAsync(rest, universeSettings, logs.CreateLogger("Screener.Binance.Universe"), ct);
        var settings = SettingsFor(exchange);
        var parts = BinanceIngestBuilder.Build(universe, settings, rest, clock, logs, limiter);
        var priorities = new SymbolPriorities(router.PrioritySymbols, universe.Names);
        var shedding = new SheddingBufferStage(router.BufferFrames, new BinanceFrameClassifier(), priorities, telemetry.Health);
        var source = IngestSource.Create(parts.Sources, clock, exchange.HeartbeatInterval, shedding, telemetry.Stages);
        return new BinanceIngest(parts, settings, rest, limiter, source, priorities);
    }

    /// <summary>The connector settings of a node: its stream kinds and everything under <c>screener.exchange</c>.</summary>
    public static BinanceIngestSettings SettingsFor(ExchangeSettings exchange) => exchange.ToIngestSettings(Kinds);

    /// <summary>Starts the slow REST pollers; call once the graph is materialized.</summary>
    public void Start() => _parts.Start();

    public async ValueTask DisposeAsync()
    {
        await _parts.DisposeAsync();
        _rest.Dispose();
    }
}
