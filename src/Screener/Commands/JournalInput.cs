using System.Diagnostics;
using Akka.Streams;
using Akka.Streams.Dsl;
using Microsoft.Data.Sqlite;
using Screener.Analytics.Features;
using Screener.Analytics.Scoring;
using Screener.Binance.Normalise;
using Screener.Configuration;
using Screener.Contracts;
using Screener.Hosting;
using Screener.Offline.BuildFeatures;
using Screener.Offline.Train;
using Screener.Pipeline;
using Screener.Storage.Journal;
using Screener.Storage.Sqlite;

namespace Screener.Commands;

/// <summary>
/// A SQLite journal opened for an offline job: an Akka host on it (local, quiet), the pipeline settings it runs with,
/// and the raw journal of one shard (the one asked for, or the journal's only one).
/// </summary>
public sealed class JournalInput : IAsyncDisposable
{
    private static readonly TimeSpan RowsProgressEvery = TimeSpan.FromSeconds(2);

    private readonly AkkaNodeHost _host;
    private readonly Serilog.Core.Logger _logger;
    private readonly JournalReader _reader;

    private JournalInput(string path, string shard, PipelineSettings settings, AkkaNodeHost host, Serilog.Core.Logger logger, JournalReader reader)
    {
        Path = path;
        Shard = shard;
        Settings = settings;
        _host = host;
        _logger = logger;
        _reader = reader;
    }

    /// <summary>The journal's full path.</summary>
    public string Path { get; }

    public string Shard { get; }

    public string PersistenceId => JournalSinks.RawId(Shard);

    public PipelineSettings Settings { get; }

    /// <summary>Opens <paramref name="db"/>.</summary>
    /// <param name="db">The journal file.</param>
    /// <param name="shard">The raw journal's shard; null for the journal's only one.</param>
    /// <param name="configFile">A HOCON file whose keys override the defaults (for example <c>screener.pipeline.horizons</c>); null for none.</param>
    /// <param name="ct">Cancels opening.</param>
    /// <exception cref="UsageException">No such file, or a shard the journal lacks, or several shards and none asked for, or an unreadable config file.</exception>
    /// <exception cref="CommandFailedException">Not a SQLite journal, or no raw frames in it.</exception>
    public static async Task<JournalInput> OpenAsync(string db, string? shard, CancellationToken ct, string? configFile = null)
    {
        var overrides = ConfigOverrides.Read(configFile);
        if (!File.Exists(db)) throw new UsageException($"No journal at '{System.IO.Path.GetFullPath(db)}'. Record one with 'screener demo', 'screener record' or 'screener sim --generate', or pass --db.");
        string path;
        try
        {
            path = SqliteJournalDatabase.Prepare(db);
        }
        catch (SqliteException e)
        {
            throw new CommandFailedException($"'{System.IO.Path.GetFullPath(db)}' is not a SQLite journal: {e.Message}", e);
        }
        var config = HoconFiles.Load("", "sqlite", overrides, SqliteJournalDatabase.Hocon(path), "akka.loglevel = WARNING\nakka.actor.provider = local");
        PipelineSettings settings;
        try
        {
            settings = SettingsReader.Pipeline(config);
        }
        catch (Exception e) when (configFile is not null && e is not OperationCanceledException)
        {
            throw new UsageException($"--config: '{configFile}' gives invalid pipeline settings: {e.Message}");
        }
        var logger = (Serilog.Core.Logger)LoggingSetup.Create(console: false, Defaults.LogFolder);
        AkkaNodeHost? host = null;
        try
        {
            host = await AkkaNodeHost.StartAsync(config, logger, cluster: false, ct);
            var reader = new JournalReader(host.System);
            var picked = PickShard(await reader.RawShardsAsync(ct), shard, path);
            return new JournalInput(path, picked, settings, host, logger, reader);
        }
        catch
        {
            if (host is not null) await host.DisposeAsync();
            await logger.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs the node's graph (<see cref="ScreenerGraph"/>, from decode to ranking) over the shard's raw frames with
    /// <paramref name="predictor"/>: what a live node with that model would have journaled. Every rank round's prediction
    /// batch and every rank event reach the callbacks (from stream threads, each callback in order).
    /// </summary>
    /// <returns>The frames read.</returns>
    public async Task<long> ReplayAsync(IPredictor predictor, Action<PredictionBatch> predictions, Action<RankEvent> ranks, CancellationToken ct)
    {
        var telemetry = new Pipeline.Instrumentation.ScreenerTelemetry();
        var services = new GraphServices(new BinanceFrameDecoder(), predictor, MarketFeatures.Spec, telemetry, GraphServices.NoSnapshots.Instance);
        var sinks = new ScreenerSinks(
            ScreenerSinks.Ignore<RawFrame>(),
            Sink.ForEach(predictions).MapMaterializedValue(t => (Task)t),
            Sink.ForEach(ranks).MapMaterializedValue(t => (Task)t),
            []);
        var handle = ScreenerGraph.Create(_reader.RawFrames(Shard), sinks, Settings, services).Run(_host.System.Materializer());
        await using (ct.Register(() => handle.KillSwitch.Abort(new OperationCanceledException(ct))))
            await handle.Completion;
        ct.ThrowIfCancellationRequested();
        return telemetry.Decode.Frames;
    }

    /// <summary>The shard's raw frames in sequence order, streamed from the journal.</summary>
    public IAsyncEnumerable<RawFrame> Frames() => _reader.RawFrames(Shard).RunAsAsyncEnumerable(_host.System.Materializer());

    /// <summary>
    /// Training rows of this journal's frames: <paramref name="rows"/> makes the row builder around a feature builder whose
    /// frames read are reported to <paramref name="say"/> every two seconds while the rows build.
    /// </summary>
    /// <returns>The rows and the frames read.</returns>
    public async Task<(TrainingSet Set, long Frames)> TrainingRowsAsync(
        Func<OfflineFeatureBuilder, TrainingRowBuilder> rows, Action<string> say, Stopwatch clock, CancellationToken ct)
    {
        long frames = 0;
        var builder = rows(FeatureBuilder(n => Interlocked.Exchange(ref frames, n)));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reporting = ProgressTicker.RunAsync(
            () => say($"rows: {Interlocked.Read(ref frames):N0} frames read, {clock.Elapsed.TotalSeconds:F0} s"), RowsProgressEvery, stop.Token);
        try
        {
            var set = await builder.BuildAsync(Frames(), ct);
            return (set, Interlocked.Read(ref frames));
        }
        finally
        {
            await stop.CancelAsync();
            await reporting;
        }
    }

    /// <summary>A feature builder with the graph's code and this journal's settings.</summary>
    public OfflineFeatureBuilder FeatureBuilder(Action<long>? progress = null) =>
        new(Settings, OfflineFeatureBuilder.OfflineServices(new BinanceFrameDecoder(), new BaselineScorer(Settings.Scoring), MarketFeatures.Spec), progress);

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _logger.DisposeAsync();
    }

    private static string PickShard(IReadOnlyList<string> shards, string? asked, string path)
    {
        if (shards.Count == 0) throw new CommandFailedException($"The journal '{path}' holds no raw frames (no raw-<shard> journal).");
        if (asked is not null)
            return shards.Contains(asked, StringComparer.Ordinal)
                ? asked
                : throw new UsageException($"The journal '{path}' has no raw journal for shard '{asked}' (it has: {string.Join(", ", shards)}).");
        return shards.Count == 1
            ? shards[0]
            : throw new UsageException($"The journal '{path}' holds the raw frames of several shards ({string.Join(", ", shards)}); pick one with --shard.");
    }
}
