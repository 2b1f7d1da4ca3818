using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using Microsoft.Extensions.Logging;
using Screener.Contracts;
using Screener.Contracts.Time;

namespace Screener.Binance.Transport;

/// <summary>
/// The raw-frame source of one Binance WebSocket connection (one shard and path of a
/// <see cref="Subscriptions.StreamPlan"/>), reconnecting with exponential backoff and rotating before the 24-hour cut.
/// </summary>
public static class BinanceConnectionSource
{
    /// <summary>Most frames handed across the restart boundary at once; a busy connection pays that hop per chunk.</summary>
    private const int MaxChunk = 256;

    /// <summary>
    /// A source of <see cref="RawFrame"/>s for one connection. After every (re)connect it SUBSCRIBEs
    /// <see cref="ConnectionSettings.Streams"/> in paced batches and confirms them with LIST_SUBSCRIPTIONS (missing
    /// streams are re-subscribed once, then the connection fails with the cause).
    /// <para>Frames: every WebSocket frame as received (kind WebSocket, control replies included; sequence 0 — the graph
    /// sequences after the merge; TsInit from <paramref name="clock"/>); a Status frame (<see cref="StatusFrames"/>)
    /// <c>Connected</c> before the first frame of each socket and <c>Disconnected</c> with the cause after the last frame
    /// of each unplanned end; REST frames pushed through <paramref name="feed"/>. A <c>Connected</c> that follows a
    /// <c>Connected</c> marks a planned rotation: no frame was lost, books stay valid. A <c>Disconnected</c> means frames
    /// may have been missed.</para>
    /// <para>Emits when a frame has arrived and downstream demands.</para>
    /// <para>Backpressures when downstream backpressures and the channel of <see cref="ConnectionSettings.ChannelCapacity"/>
    /// frames is full; the socket's receive loop then waits, nothing is dropped.</para>
    /// <para>Completes never on its own: every unplanned end (server close, loss, failed connect, no data for
    /// <see cref="ConnectionSettings.NoDataTimeout"/>, subscription failure) restarts the connection after a growing
    /// backoff with jitter; it fails only when <see cref="ConnectionSettings.MaxRestarts"/> is exceeded within
    /// <see cref="ConnectionSettings.MaxRestartsWithin"/>. At <see cref="ConnectionSettings.MaxConnectionAge"/> a new socket
    /// is opened, subscribed and confirmed, emission switches to it at its first data frame, and the old one is closed.</para>
    /// <para>Cancels when downstream cancels; the sockets are then closed.</para>
    /// </summary>
    /// <remarks>Nothing is opened until the source is materialized; materialize it once (the feed serves one stream).</remarks>
    public static Source<RawFrame, NotUsed> Create(ConnectionSettings settings, ConnectionFeed feed, IClock clock, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(clock);
        settings.Validate();
        if (feed.ConnectionId != settings.ConnectionId)
            throw new ArgumentException($"Feed {feed.ConnectionId} does not belong to connection {settings.ConnectionId}.", nameof(feed));

        var ids = new RequestIds();
        var starts = 0;
        var sessions = 0;
        return RestartSource
            .WithBackoff(() =>
            {
                var attempt = Interlocked.Increment(ref starts);
                if (attempt > 1)
                {
                    feed.Counters.OnRestart();
                    logger?.LogInformation("{ConnectionId} reconnecting (restart {Restart})", settings.ConnectionId, attempt - 1);
                }

                var life = new ConnectionLife(settings, clock, feed, logger, ids, Volatile.Read(ref sessions) + 1);
                return Source.FromGraph(new ChannelChunkSource<RawFrame>(life.Frames, MaxChunk)).WatchTermination((_, terminated) =>
                {
                    life.Start();
                    terminated.ContinueWith(
                        t =>
                        {
                            Volatile.Write(ref sessions, life.SessionsOpened);
                            life.Stop(t.Exception?.GetBaseException());
                        },
                        CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                    return NotUsed.Instance;
                });
            }, settings.ToRestartSettings())
            .SelectMany(chunk => chunk)
            .WithAttributes(Attributes.CreateName(StageName(settings.ConnectionId)));
    }

    /// <summary>
    /// The source of one connection with its own counters and, when <paramref name="rest"/> is given, one REST depth
    /// snapshot per symbol after its first diff-depth frame of every (re)connect, fetched by a private
    /// <see cref="SnapshotService"/> (<see cref="ConnectionSettings.DepthSnapshotLimit"/>, <see cref="ConnectionSettings.SnapshotRetryDelay"/>).
    /// A node should use <see cref="BinanceIngestBuilder"/> instead: one shared snapshot queue behind one REST limiter.
    /// </summary>
    public static Source<RawFrame, NotUsed> Create(
        ConnectionSettings settings, IClock clock, ConnectionCounters counters, BinanceRestClient? rest = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(counters);
        var feed = new ConnectionFeed(settings.ConnectionId, counters);
        var source = Create(settings, feed, clock, logger);
        if (rest is null) return source;

        var snapshots = new SnapshotService(rest, clock, _ => feed,
            new SnapshotServiceSettings { DepthLimit = settings.DepthSnapshotLimit, RetryDelay = settings.SnapshotRetryDelay }, logger);
        feed.OnFirstDepthFrame(symbol => snapshots.RequestSnapshot(symbol, "first diff after connect"));
        return source.WatchTermination((mat, terminated) =>
        {
            terminated.ContinueWith(_ => snapshots.DisposeAsync().AsTask(),
                CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            return mat;
        });
    }

    /// <summary>Stage name for logs and metrics: <c>binance-connection-s0-public</c>.</summary>
    public static string StageName(string connectionId) => "binance-connection-" + connectionId.Replace('/', '-');
}
