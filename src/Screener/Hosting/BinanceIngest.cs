using Akka;
using Akka.Streams.Dsl;
using Microsoft.Extensions.Logging;
using Screener.Binance.Subscriptions;
using Screener.Binance.Transport;
using Screener.Configuration;
using Screener.Contracts;
using Screener.Contracts.Time;
using Screener.Pipeline.Flows;
using Screener.Binance.Routing;
using Screener.Pipeline.Instrumentation;
using Screener.Pipeline.Routing;

namespace Screener.Hosting;

/// <summary>
/// The live ingest head of a node: the stream plan over the configured symbols (books on <c>/public</c>,
/// trades, mark price and liquidations on <c>/market</c>), one restarting connection source per planned
/// connection with its counters, the REST client for depth snapshots, all merged and sequenced.
/// </summary>
public sealed class BinanceIngest : IDisposable
{
    public static readonly StreamKind[] Kinds =
        [StreamKind.Depth, StreamKind.BookTicker, StreamKind.AggTrade, StreamKind.MarkPrice, StreamKind.ForceOrder];

    private readonly BinanceRestClient _rest;

    private BinanceIngest(StreamPlan plan, IReadOnlyList<(string Id, ConnectionCounters Counters)> connections,
        Source<RawFrame, NotUsed> source, BinanceRestClient rest)
    {
        Plan = plan;
        Connections = connections;
        Source = source;
        _rest = rest;
    }

    public StreamPlan Plan { get; }

    public IReadOnlyList<(string Id, ConnectionCounters Counters)> Connections { get; }

    /// <summary>Where the graph asks for a symbol's snapshot after a gap.</summary>
    public ISnapshotRequester Snapshots { get; } = Pipeline.GraphServices.NoSnapshots.Instance;

    /// <summary>Merged, heartbeat-injected, sequenced frames: nothing is opened until it is materialized.</summary>
    public Source<RawFrame, NotUsed> Source { get; }

    /// <summary>Shedding priorities: configured symbols plus the current top-K (the node feeds the board in).</summary>
    public SymbolPriorities Priorities { get; private init; } = null!;

    public static BinanceIngest Create(
        ExchangeSettings exchange, RouterSettings router, IClock clock, ScreenerTelemetry telemetry, ILoggerFactory logs)
    {
        var plan = StreamPlan.Create(exchange.Symbols, Kinds, new StreamPlanSettings(exchange.WsBase, exchange.MaxStreamsPerConnection));
        var rest = new BinanceRestClient(new BinanceRestSettings { BaseUri = exchange.RestBase }, clock, logs.CreateLogger("Screener.Binance.Rest"));
        var connections = new List<(string, ConnectionCounters)>();
        var sources = new List<Source<RawFrame, NotUsed>>();
        foreach (var connection in plan.Connections)
        {
            var counters = new ConnectionCounters();
            var settings = ConnectionSettings.FromPlan(connection) with
            {
                DepthSnapshotLimit = exchange.DepthSnapshotLimit,
                MinBackoff = exchange.BackoffMin,
                MaxBackoff = exchange.BackoffMax,
                RandomFactor = exchange.BackoffRandomFactor,
                MaxRestartsWithin = exchange.BackoffResetAfter,
            };
            sources.Add(BinanceConnectionSource.Create(settings, clock, counters, rest,
                logs.CreateLogger($"Screener.Binance.Connection.{connection.Id}")));
            connections.Add((connection.Id, counters));
        }
        var priorities = new SymbolPriorities(router.PrioritySymbols, exchange.Symbols);
        var shedding = new SheddingBufferStage(router.BufferFrames, new BinanceFrameClassifier(), priorities, telemetry.Health);
        var source = IngestSource.Create(sources, clock, exchange.HeartbeatInterval, shedding, telemetry.Stages);
        return new BinanceIngest(plan, connections, source, rest) { Priorities = priorities };
    }

    public void Dispose() => _rest.Dispose();
}
