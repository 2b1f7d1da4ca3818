using System.Diagnostics;
using System.Threading.Channels;
using Akka.Actor;
using Akka.Configuration;
using Akka.Streams;
using Akka.Streams.Dsl;
using Screener.Binance.Subscriptions;
using Screener.Configuration;
using Screener.Contracts;
using Screener.Hosting;
using Screener.Sim.Journal;
using Screener.Sim.Market;
using Screener.Sim.Market.Episodes;
using Screener.Storage.Journal;

namespace Screener.Generate;

/// <summary>
/// Writes a simulated journal without sockets: a <see cref="SimJournalSession"/> (the market stepped at full speed, the
/// node's connections, snapshots and pollers played out in simulated time) framed as the node frames it
/// (<see cref="GeneratedFrames"/>) and persisted through the node's own raw journal writer
/// (<see cref="JournalSinks.Events{T}"/> under <c>raw-&lt;shard&gt;</c>, tag <c>raw</c>), so replay and offline feature
/// building read it like a recorded one. Batches hold <c>screener.journal.raw-batch-frames</c> frames each (a live node
/// also cuts a batch every <c>raw-batch-delay</c> of wall time; readers flatten batches, so only the row count differs).
/// The planted episodes' truth goes to <see cref="EpisodeTable"/> afterwards, never into a frame.
/// Deterministic: the same request and configuration give the same frames, batches and episode rows.
/// </summary>
public static class SimJournalGenerator
{
    private const int BatchesInFlight = 4;

    /// <summary>The session a node configured by <paramref name="config"/> would record against the simulator for <paramref name="request"/>.</summary>
    public static SimJournalSettings SessionSettings(Config config, GenerateRequest request)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(request);
        var symbols = SymbolCatalog.Create(request.Symbols).Select(s => s.Symbol).ToArray();
        var exchange = SettingsReader.Exchange(config) with { Symbols = symbols };
        var ingest = BinanceIngest.SettingsFor(exchange);
        var plan = StreamPlan.Create(symbols, ingest.Kinds, ingest.Plan);
        var connector = exchange.Connector;
        return new SimJournalSettings
        {
            Market = new SimMarketSettings(request.Seed, request.Symbols)
            {
                Episodes = request.EpisodeRate > 0 ? new EpisodeSettings { RatePerSymbolHour = request.EpisodeRate } : null,
            },
            Plan = new JournalPlan(plan.Connections
                .Select(c => new JournalConnection(c.Id, c.Shard, c.Path, c.Symbols.ToArray(), c.Streams.ToArray()))
                .ToArray()),
            Duration = TimeSpan.FromHours(request.Hours),
            MaxStreamsPerMessage = connector.Subscription.MaxStreamsPerMessage,
            MessageInterval = connector.Subscription.MessageInterval,
            SnapshotConcurrency = connector.Snapshots.Concurrency,
            DepthSnapshotLimit = exchange.DepthSnapshotLimit,
            PremiumIndexInterval = connector.Pollers.PremiumIndexInterval,
            OpenInterestInterval = connector.Pollers.OpenInterestInterval,
            FundingInfoInterval = connector.Pollers.FundingInfoInterval,
            HeartbeatInterval = exchange.HeartbeatInterval,
            MaxConnectionAge = connector.MaxConnectionAge,
        };
    }

    /// <summary>
    /// Generates the journal into the database <paramref name="system"/>'s persistence points at (<paramref name="dbPath"/>,
    /// which must hold no raw journal under the shard yet), then its episode tables.
    /// </summary>
    /// <param name="system">An ActorSystem with the SQLite persistence of <paramref name="dbPath"/>.</param>
    /// <param name="dbPath">The SQLite file, for the episode tables.</param>
    /// <param name="settings">The session (see <see cref="SessionSettings"/>).</param>
    /// <param name="shard">The node's shard (<c>screener.node.shard</c>): the journal is <c>raw-&lt;shard&gt;</c>.</param>
    /// <param name="journal">Batch size and write timeout (<c>screener.journal</c>).</param>
    /// <param name="progress">Called at most every <paramref name="progressEvery"/> of wall time, and once at the end.</param>
    /// <param name="progressEvery">Wall time between progress reports.</param>
    /// <param name="ct">Stops stepping; what was generated is written, and the result says <see cref="GenerateResult.Interrupted"/>.</param>
    public static async Task<GenerateResult> RunAsync(
        ActorSystem system, string dbPath, SimJournalSettings settings, string shard, JournalSettings journal,
        Action<GenerateProgress>? progress, TimeSpan progressEvery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(journal);
        var session = new SimJournalSession(settings);
        var persistenceId = JournalSinks.RawId(shard);
        var batches = Channel.CreateBounded<FrameBatch>(new BoundedChannelOptions(BatchesInFlight) { SingleReader = true, SingleWriter = true });
        var written = ChannelSource.FromReader(batches.Reader)
            .RunWith(JournalSinks.Events<FrameBatch>(system, persistenceId, JournalSinks.RawTag, journal.WriteTimeout), system.Materializer());

        var clock = Stopwatch.StartNew();
        var total = session.EndMs - session.StartMs;
        long frames = 0, count = 0;
        var interrupted = false;
        GenerateProgress Progress(long framesSoFar) => new(session.NowMs - session.StartMs, total, framesSoFar, clock.Elapsed);
        // A failed write stops the stream, and nothing reads the channel any more: the producer must not wait on it.
        var writerDown = new CancellationTokenSource();
        _ = written.ContinueWith(_ => writerDown.Cancel(), CancellationToken.None, TaskContinuationOptions.NotOnRanToCompletion, TaskScheduler.Default);
        try
        {
            // Stepping runs beside the journal writer: serialising, compressing and persisting a batch overlaps the next steps.
            (frames, count, interrupted) = await Task.Run(() => ProduceAsync(session, shard, journal.RawBatchFrames, batches.Writer,
                soFar => progress?.Invoke(Progress(soFar)), progressEvery, writerDown.Token, ct), CancellationToken.None);
        }
        catch (OperationCanceledException) when (writerDown.IsCancellationRequested)
        {
            await written; // throws the write's own failure
            throw;
        }
        finally
        {
            batches.Writer.TryComplete();
        }
        await written;
        EpisodeTable.Write(dbPath, session.Episodes, RunRows(settings, persistenceId, session, frames, count, interrupted));
        clock.Stop();
        progress?.Invoke(Progress(frames));
        return new GenerateResult(Path.GetFullPath(dbPath), persistenceId, (session.NowMs - session.StartMs) / 3_600_000.0, frames, count,
            session.Episodes, clock.Elapsed, interrupted);
    }

    private static async Task<(long Frames, long Batches, bool Interrupted)> ProduceAsync(
        SimJournalSession session, string shard, int batchFrames, ChannelWriter<FrameBatch> output, Action<long> report, TimeSpan every,
        CancellationToken writerDown, CancellationToken ct)
    {
        var stepFrames = new List<SimJournalFrame>(1024);
        var batch = new List<RawFrame>(batchFrames);
        long sequence = 0, batches = 0;
        var nextReport = Stopwatch.GetTimestamp() + (long)(every.TotalSeconds * Stopwatch.Frequency);
        var interrupted = false;
        while (session.Next(stepFrames))
        {
            foreach (var frame in stepFrames)
            {
                batch.Add(GeneratedFrames.ToRawFrame(frame, ++sequence));
                if (batch.Count < batchFrames) continue;
                await output.WriteAsync(new FrameBatch(shard, batch.ToArray()), writerDown);
                batches++;
                batch.Clear();
            }
            stepFrames.Clear();
            if (Stopwatch.GetTimestamp() >= nextReport)
            {
                report(sequence);
                nextReport = Stopwatch.GetTimestamp() + (long)(every.TotalSeconds * Stopwatch.Frequency);
            }
            if (ct.IsCancellationRequested && !session.IsComplete)
            {
                interrupted = true;
                break;
            }
        }
        if (batch.Count > 0)
        {
            await output.WriteAsync(new FrameBatch(shard, batch.ToArray()), writerDown);
            batches++;
        }
        return (sequence, batches, interrupted);
    }

    private static List<KeyValuePair<string, string>> RunRows(
        SimJournalSettings settings, string persistenceId, SimJournalSession session, long frames, long batches, bool interrupted) =>
    [
        new("seed", EpisodeTable.Text(settings.Market.Seed)),
        new("symbols", EpisodeTable.Text(settings.Market.SymbolCount)),
        new("start_ms", EpisodeTable.Text(session.StartMs)),
        new("end_ms", EpisodeTable.Text(session.NowMs)),
        new("step_ms", EpisodeTable.Text(settings.Market.StepMs)),
        new("episode_rate_per_symbol_hour", EpisodeTable.Text(settings.Market.Episodes?.RatePerSymbolHour ?? 0)),
        new("persistence_id", persistenceId),
        new("frames", EpisodeTable.Text(frames)),
        new("batches", EpisodeTable.Text(batches)),
        new("interrupted", interrupted ? "true" : "false"),
        new("connections", string.Join(' ', settings.Plan.Connections.Select(c => c.Id))),
    ];
}
