using Akka.Configuration;
using Akka.Streams;
using Microsoft.Extensions.Logging;
using Screener.Binance.Normalise;
using Screener.Configuration;
using Screener.Contracts;
using Screener.Contracts.Time;
using Screener.Offline.Record;
using Screener.Pipeline;
using Screener.Pipeline.Instrumentation;
using Screener.Storage.Journal;
using Screener.Storage.Sqlite;
using Serilog.Extensions.Logging;

namespace Screener.Hosting;

/// <summary>
/// A node that only records: the node's live ingest (<see cref="BinanceIngest"/>: universe, connection plan,
/// restarting Websocket.Client sessions, REST snapshots and pollers behind the weight limiter) into the node's raw
/// journal sink through <see cref="RecordGraph"/>, configured from the same <c>hocon/</c> blocks. Its ActorSystem is
/// local (the journal needs no cluster membership and opens no remoting port).
/// </summary>
public sealed class Recorder : IAsyncDisposable
{
    private readonly AkkaNodeHost _host;
    private readonly GraphHandle _graph;
    private readonly Serilog.Core.Logger _serilog;
    private bool _stopped;

    private Recorder(AkkaNodeHost host, GraphHandle graph, Serilog.Core.Logger serilog, ScreenerTelemetry telemetry, BinanceIngest ingest,
        ExchangeSettings exchange, string dbPath, string persistenceId)
    {
        _host = host;
        _graph = graph;
        _serilog = serilog;
        Telemetry = telemetry;
        Ingest = ingest;
        Exchange = exchange;
        DbPath = dbPath;
        PersistenceId = persistenceId;
    }

    public ScreenerTelemetry Telemetry { get; }

    public BinanceIngest Ingest { get; }

    /// <summary>The endpoints and connector settings in use.</summary>
    public ExchangeSettings Exchange { get; }

    public string DbPath { get; }

    /// <summary>The raw journal's persistence id, <c>raw-&lt;screener.node.shard&gt;</c>.</summary>
    public string PersistenceId { get; }

    /// <summary>Frames handed to the journal so far; once <see cref="StopAsync"/> returns, all of them are durable.</summary>
    public long Frames => Telemetry.Stages.For(RecordGraph.JournalStage).Elements;

    public int ConnectionsUp => Ingest.Connections.Count(c => c.Counters.IsUp);

    /// <summary>True once any connection has confirmed its subscriptions.</summary>
    public bool EverConnected => Ingest.Connections.Any(c => c.Counters.Confirmations > 0);

    /// <summary>Completes when the graph stops on its own (for example a journal write failure).</summary>
    public Task Completion => _graph.Completion;

    /// <summary>Reads the universe from the REST endpoint (the first thing that can fail), then opens the journal and starts recording.</summary>
    public static async Task<Recorder> StartAsync(RecordOptions options, CancellationToken ct)
    {
        var config = HoconFiles.Load(options.Environment, "sqlite");
        var node = SettingsReader.Node(config);
        var pipeline = SettingsReader.Pipeline(config);
        var journal = SettingsReader.Journal(config);
        var exchange = SettingsReader.Exchange(config);
        if (options.WsBase is not null && options.RestBase is not null)
            exchange = exchange.WithEndpoints(options.WsBase, options.RestBase, options.Symbols ?? exchange.Symbols);
        var universe = options.Top is { } top
            ? UniverseReader.Read(config, []) with { Top = top }
            : UniverseReader.Read(config, exchange.Symbols);

        var serilog = (Serilog.Core.Logger)LoggingSetup.Create(console: false, Commands.Defaults.LogFolder);
        var loggerFactory = new SerilogLoggerFactory(serilog, dispose: false);
        var telemetry = new ScreenerTelemetry();
        BinanceIngest ingest;
        try
        {
            ingest = await BinanceIngest.CreateAsync(exchange, universe, SettingsReader.Router(config), SystemClock.Instance, telemetry, loggerFactory, ct);
        }
        catch
        {
            await serilog.DisposeAsync();
            throw;
        }

        AkkaNodeHost host;
        string dbPath;
        try
        {
            dbPath = SqliteJournalDatabase.Prepare(options.DbPath);
            // Akka's own INFO chatter would reach stdout after the logger factory stops; the recorder's logs go to Serilog directly.
            var local = SqliteJournalDatabase.Hocon(dbPath) + "\nakka.actor.provider = local\nakka.loglevel = WARNING";
            var hostConfig = ConfigurationFactory.ParseString(local).WithFallback(config);
            host = await AkkaNodeHost.StartAsync(hostConfig, serilog, cluster: false, ct);
        }
        catch
        {
            await ingest.DisposeAsync();
            await serilog.DisposeAsync();
            throw;
        }

        loggerFactory.CreateLogger("Screener.Record").LogInformation(
            "Recording {Symbols} symbols over {Connections} connections into {Db} ({PersistenceId}): {Plan}",
            ingest.Universe.Count, ingest.Connections.Count, dbPath, JournalSinks.RawId(node.Shard), string.Join(", ", ingest.Connections.Select(c => c.Id)));
        var sink = JournalSinks.RawFrames(host.System, node.Shard, journal.RawBatchFrames, journal.RawBatchDelay, journal.WriteTimeout);
        var graph = RecordGraph.Create(ingest.Source, sink, new BinanceFrameDecoder(), ingest.Snapshots, telemetry, pipeline.MaxSymbols)
            .Run(host.System.Materializer(namePrefix: "record"));
        ingest.Start();
        return new Recorder(host, graph, serilog, telemetry, ingest, exchange, dbPath, JournalSinks.RawId(node.Shard));
    }

    /// <summary>Stops the connections and waits until every frame already received is in the journal.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_stopped) return;
        _stopped = true;
        var stop = _graph.StopAsync();
        if (await Task.WhenAny(stop, Task.Delay(timeout)) != stop)
            throw new TimeoutException($"The recording did not drain into the journal within {timeout.TotalSeconds:F0} s.");
        await stop;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            await _host.DisposeAsync();
            await Ingest.DisposeAsync();
            await _serilog.DisposeAsync();
        }
    }
}
