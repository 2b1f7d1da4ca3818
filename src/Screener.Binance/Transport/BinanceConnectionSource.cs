using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using Microsoft.Extensions.Logging;
using Screener.Contracts;
using Screener.Contracts.Time;

namespace Screener.Binance.Transport;

/// <summary>
/// The raw-frame source of one Binance WebSocket connection (one shard and path of a
/// <see cref="Subscriptions.StreamPlan"/>), reconnecting with exponential backoff.
/// </summary>
public static class BinanceConnectionSource
{
    /// <summary>
    /// A source of <see cref="RawFrame"/>s: every WebSocket frame as received (kind WebSocket, sequence 0 — the
    /// graph sequences after the merge, TsInit from <paramref name="clock"/>), plus, when <paramref name="rest"/> is
    /// given, one REST depth snapshot (kind Rest, <see cref="RestEnvelope"/>) per symbol after the first diff-depth
    /// frame of each connection session.
    /// <para>Emits when a frame or snapshot has arrived and downstream demands.</para>
    /// <para>Backpressures when downstream backpressures and the channel of <see cref="ConnectionSettings.ChannelCapacity"/>
    /// frames is full; the socket's receive loop then waits, nothing is dropped.</para>
    /// <para>Completes never on its own: every disconnection (close, loss, failed connect, idle timeout) restarts the
    /// connection after a growing backoff; it fails only when <see cref="ConnectionSettings.MaxRestarts"/> is exceeded
    /// within <see cref="ConnectionSettings.MaxRestartsWithin"/>.</para>
    /// <para>Cancels when downstream cancels; the socket is then closed.</para>
    /// </summary>
    /// <remarks>Nothing is opened until the source is materialized; each restart opens a new socket.</remarks>
    public static Source<RawFrame, NotUsed> Create(
        ConnectionSettings settings, IClock clock, ConnectionCounters counters,
        BinanceRestClient? rest = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(counters);
        settings.Validate();

        var starts = 0;
        return RestartSource
            .WithBackoff(() =>
            {
                if (Interlocked.Increment(ref starts) > 1) counters.OnRestart();
                return Session(settings, clock, counters, rest, logger);
            }, settings.ToRestartSettings())
            .WithAttributes(Attributes.CreateName(StageName(settings.ConnectionId)));
    }

    /// <summary>Stage name for logs and metrics: <c>binance-connection-s0-public</c>.</summary>
    public static string StageName(string connectionId) => "binance-connection-" + connectionId.Replace('/', '-');

    /// <summary>
    /// One connection life. The factory runs when RestartSource (re)starts, so the session object is created per
    /// attempt; its socket opens only when this source is materialized.
    /// </summary>
    private static Source<RawFrame, NotUsed> Session(
        ConnectionSettings settings, IClock clock, ConnectionCounters counters, BinanceRestClient? rest, ILogger? logger)
    {
        var session = new ConnectionSession(settings, clock, counters, rest, logger);
        var frames = ChannelSource.FromReader(session.Frames);
        // Inside the restart: a silent socket (no data, pings are invisible here) becomes a failure and a reconnect.
        if (settings.IdleTimeout is { } idle) frames = frames.IdleTimeout(idle);
        return frames.WatchTermination((_, terminated) =>
        {
            session.Start();
            terminated.ContinueWith(
                t => session.Stop(t.Exception?.GetBaseException()),
                CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            return NotUsed.Instance;
        });
    }
}
