using Akka.Streams;
using Microsoft.Extensions.Logging;
using Screener.Analytics.Features;
using Screener.Analytics.Models;
using Screener.Analytics.Scoring;
using Screener.Binance.Normalise;
using Screener.Configuration;
using Screener.Console;
using Screener.Contracts;
using Screener.Contracts.Time;
using Screener.Pipeline;
using Screener.Pipeline.Instrumentation;
using Screener.Pipeline.Models;
using Screener.Storage.Journal;
using Screener.Storage.Sqlite;
using Serilog.Extensions.Logging;

namespace Screener.Hosting;

/// <summary>
/// A running node: the ActorSystem (a cluster member), the live graph from the exchange connections to the
/// journals and the console notifier, and its counters. The composition root: the only place that builds
/// sources and sinks and materializes the graph.
/// </summary>
public sealed class ScreenerNode : IAsyncDisposable
{
    private readonly AkkaNodeHost _host;
    private readonly GraphHandle _graph;
    private readonly Serilog.Core.Logger _serilog;
    private bool _stopped;
    private readonly PredictorHost _models;
    private readonly ModelWatcher? _watcher;

    private ScreenerNode(AkkaNodeHost host, GraphHandle graph, Serilog.Core.Logger serilog, ScreenerTelemetry telemetry,
        BinanceIngest ingest, LiveView view, string dbPath, PipelineSettings pipeline, PredictorHost models, ModelWatcher? watcher)
    {
        _models = models;
        _watcher = watcher;
        _host = host;
        _graph = graph;
        _serilog = serilog;
        Telemetry = telemetry;
        Ingest = ingest;
        View = view;
        DbPath = dbPath;
        Pipeline = pipeline;
    }

    public ScreenerTelemetry Telemetry { get; }

    public BinanceIngest Ingest { get; }

    public LiveView View { get; }

    public string DbPath { get; }

    public PipelineSettings Pipeline { get; }

    public Akka.Actor.ActorSystem System => _host.System;

    /// <summary>Completes when the graph stops on its own (for example a journal write failure).</summary>
    public Task Completion => _graph.Completion;

    public static async Task<ScreenerNode> StartAsync(NodeOptions options, CancellationToken ct)
    {
        string? modelFolder;
        var dbPath = SqliteJournalDatabase.Prepare(options.DbPath);
        var overrides = new List<string>(options.Overrides ?? []) { SqliteJournalDatabase.Hocon(dbPath) };
        var config = HoconFiles.Load(options.Environment, "sqlite", overrides.ToArray());
        var node = SettingsReader.Node(config);
        config = Akka.Configuration.ConfigurationFactory.ParseString(node.Hocon).WithFallback(config);
        var pipeline = SettingsReader.Pipeline(config);
        var journal = SettingsReader.Journal(config);
        var demo = SettingsReader.Demo(config);
        var exchange = SettingsReader.Exchange(config);
        if (options.WsBase is not null && options.RestBase is not null)
            exchange = exchange.WithEndpoints(options.WsBase, options.RestBase, options.Symbols ?? exchange.Symbols);

        var serilog = (Serilog.Core.Logger)LoggingSetup.Create(options.ConsoleLogs, Commands.Defaults.LogFolder);
        var loggerFactory = new SerilogLoggerFactory(serilog, dispose: false);
        var log = loggerFactory.CreateLogger("Screener.Node");
        var host = await AkkaNodeHost.StartAsync(config, serilog, cluster: true, ct);

        var spec = MarketFeatures.Spec;
        var modelSettings = SettingsReader.Model(config);
        PredictorHost models;
        try
        {
            models = new PredictorHost(LoadPredictor(modelSettings, pipeline, spec, log, out modelFolder));
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        var telemetry = new ScreenerTelemetry();
        BinanceIngest ingest;
        try
        {
            ingest = await BinanceIngest.CreateAsync(exchange, UniverseReader.Read(config, exchange.Symbols), SettingsReader.Router(config), SystemClock.Instance, telemetry, loggerFactory, ct);
        }
        catch
        {
            models.Dispose();
            await host.DisposeAsync();
            throw;
        }
        log.LogInformation("Watching {Symbols} symbols over {Connections} connections: {Plan}",
            exchange.Symbols.Count, ingest.Connections.Count, string.Join(", ", ingest.Connections.Select(c => c.Id)));

        var view = new LiveView();
        var sinks = new ScreenerSinks(
            JournalSinks.RawFrames(host.System, node.Shard, journal.RawBatchFrames, journal.RawBatchDelay, journal.WriteTimeout),
            JournalSinks.Events<PredictionBatch>(host.System, JournalSinks.PredictionsId, JournalSinks.PredictionsId, journal.WriteTimeout),
            JournalSinks.Events<RankEvent>(host.System, JournalSinks.RanksId, JournalSinks.RanksId, journal.WriteTimeout),
            [
                ConsoleNotifier.Create(view, demo.Refresh, loggerFactory.CreateLogger("Screener.Notify.Console")),
                Akka.Streams.Dsl.Sink.ForEach<Pipeline.Stages.RankingOutput>(o => ingest.Priorities.SetRanked(o.Board.Entries.Select(e => e.Symbol)))
                    .MapMaterializedValue(_ => Akka.NotUsed.Instance),
            ]);
        var modelLog = loggerFactory.CreateLogger("Screener.Model");
        sinks = sinks with
        {
            Models = JournalSinks.Events<ModelSwitch>(host.System, JournalSinks.ModelsId, JournalSinks.ModelsId, journal.WriteTimeout),
            Notifiers =
            [
                .. sinks.Notifiers,
                Akka.Streams.Dsl.Sink.ForEach<Pipeline.Stages.RankingOutput>(o =>
                {
                    if (o.Switch is { } s)
                        modelLog.LogInformation("Model {ModelVersion} runs from tick {Time:O}; model {Previous} retired", s.ToVersion, new DateTime(s.Time, DateTimeKind.Utc), s.FromVersion);
                }).MapMaterializedValue(_ => Akka.NotUsed.Instance),
            ],
        };
        var services = new GraphServices(new BinanceFrameDecoder(), models, spec, telemetry, ingest.Snapshots);
        var graph = ScreenerGraph.Create(ingest.Source, sinks, pipeline, services)
            .Run(host.System.Materializer(namePrefix: "screener"));
        ingest.Start();
        var watcher = modelFolder is not null && modelSettings.WatchEvery > TimeSpan.Zero
            ? new ModelWatcher(modelFolder, models, spec, pipeline.Scoring, modelSettings.WatchEvery, modelLog)
            : null;
        return new ScreenerNode(host, graph, serilog, telemetry, ingest, view, dbPath, pipeline, models, watcher);
    }

    /// <summary>
    /// The configured model, loaded and checked (<see cref="OnnxPredictor.Load"/>), or the baseline heuristic when
    /// <c>screener.model.path</c> is <c>baseline</c>. Logs which, with its model_version and the feature spec.
    /// </summary>
    /// <exception cref="ModelLoadException">The model folder is missing or its model cannot be used.</exception>
    private static IPredictor LoadPredictor(ModelSettings settings, PipelineSettings pipeline, FeatureSpec spec, ILogger log, out string? folder)
    {
        if (settings.IsBaseline)
        {
            folder = null;
            log.LogInformation(
                "Predictions come from the baseline scorer {ModelVersion}: a volatility-and-flow heuristic, not a trained model. Feature spec {SpecVersion} hash {SpecHash}",
                BaselineScorer.ModelVersion, spec.Version, spec.Hash);
            return new BaselineScorer(pipeline.Scoring);
        }
        try
        {
            folder = settings.ResolveFolder();
        }
        catch (FileNotFoundException e)
        {
            throw new ModelLoadException(e.Message, e);
        }
        var started = global::System.Diagnostics.Stopwatch.GetTimestamp();
        var model = OnnxPredictor.Load(folder, spec, pipeline.Scoring);
        log.LogInformation(
            "Predictions come from model {ModelVersion} ({Heads} heads, {Precision} trees, {Bytes:N0} bytes) loaded from {Folder} in {Ms:F0} ms. Feature spec {SpecVersion} hash {SpecHash}",
            model.ModelVersion, model.Manifest.Heads.Count, model.Manifest.Model.Precision, model.Manifest.Model.Bytes, folder,
            global::System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, spec.Version, spec.Hash);
        return model;
    }

    /// <summary>The predictor host: the model the graph runs now, and any switch under way.</summary>
    public PredictorHost Models => _models;

    /// <summary>Stops the connections and waits until everything already received is in the journal.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_stopped) return;
        _stopped = true;
        if (_watcher is not null) await _watcher.DisposeAsync();
        var stop = _graph.StopAsync();
        if (await Task.WhenAny(stop, Task.Delay(timeout)) != stop)
            throw new TimeoutException($"The graph did not drain into the journal within {timeout.TotalSeconds:F0} s.");
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
            _models.Dispose();
            await _serilog.DisposeAsync();
        }
    }
}
