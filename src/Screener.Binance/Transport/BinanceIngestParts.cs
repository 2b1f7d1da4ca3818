using Akka;
using Akka.Streams.Dsl;
using Screener.Binance.Subscriptions;
using Screener.Contracts;

namespace Screener.Binance.Transport;

/// <summary>
/// The connector's parts for one universe, ready for the executable to compose: the per-connection sources (to merge,
/// sequence and journal), the snapshot queue (the graph's <see cref="ISnapshotRequester"/>), the slow pollers, and the
/// counters of all of them. Sources are blueprints; <see cref="Start"/> starts the pollers; dispose to stop the
/// background work (the REST client stays the caller's).
/// </summary>
public sealed class BinanceIngestParts : IAsyncDisposable
{
    internal BinanceIngestParts(
        Universe.Universe universe, StreamPlan plan, IReadOnlyList<BinanceConnection> connections, SnapshotService snapshots,
        RestPollers pollers, RestLimiterCounters? limiterCounters)
    {
        Universe = universe;
        Plan = plan;
        Connections = connections;
        Snapshots = snapshots;
        Pollers = pollers;
        LimiterCounters = limiterCounters;
    }

    /// <summary>The universe the plan covers.</summary>
    public Universe.Universe Universe { get; }

    /// <summary>The stream plan.</summary>
    public StreamPlan Plan { get; }

    /// <summary>One entry per planned connection, in plan order.</summary>
    public IReadOnlyList<BinanceConnection> Connections { get; }

    /// <summary>The raw-frame sources, in plan order.</summary>
    public IReadOnlyList<Source<RawFrame, NotUsed>> Sources => Connections.Select(c => c.Source).ToArray();

    /// <summary>The depth snapshot queue; pass it to the graph as its <see cref="ISnapshotRequester"/>.</summary>
    public SnapshotService Snapshots { get; }

    /// <summary>The slow REST pollers (premiumIndex, openInterest, fundingInfo).</summary>
    public RestPollers Pollers { get; }

    /// <summary>Counters of the REST limiter, when one was given.</summary>
    public RestLimiterCounters? LimiterCounters { get; }

    /// <summary>Starts the pollers (they wait for the first connection to come up).</summary>
    public void Start() => Pollers.Start();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Pollers.DisposeAsync().ConfigureAwait(false);
        await Snapshots.DisposeAsync().ConfigureAwait(false);
    }
}
