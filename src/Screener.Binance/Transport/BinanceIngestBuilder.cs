using Microsoft.Extensions.Logging;
using Screener.Binance.Subscriptions;
using Screener.Contracts.Time;

namespace Screener.Binance.Transport;

/// <summary>
/// Builds the connector for a universe: the stable <see cref="StreamPlan"/>, one restarting, rotating connection source
/// per planned connection, one <see cref="SnapshotService"/> fed by every connection's first diffs and by the graph's
/// gap requests, and the <see cref="RestPollers"/>. Opens nothing: sources open sockets when materialized, the snapshot
/// service starts at its first request, the pollers at <see cref="BinanceIngestParts.Start"/>.
/// </summary>
public static class BinanceIngestBuilder
{
    /// <summary>Builds the parts.</summary>
    /// <param name="universe">The symbols (<see cref="Universe.UniverseBuilder"/>).</param>
    /// <param name="settings">Plan, connection template, snapshot and poller settings.</param>
    /// <param name="rest">REST client for snapshots and polls; its gate should be <paramref name="limiter"/>.</param>
    /// <param name="clock">Receive timestamps.</param>
    /// <param name="logs">Optional: categories <c>Screener.Binance.Connection.&lt;id&gt;</c>, <c>.Snapshots</c>, <c>.Pollers</c>.</param>
    /// <param name="limiter">The REST limiter behind <paramref name="rest"/>: gets the universe's live weight limit; its counters are exposed.</param>
    public static BinanceIngestParts Build(
        Universe.Universe universe, BinanceIngestSettings settings, BinanceRestClient rest, IClock clock,
        ILoggerFactory? logs = null, RestWeightLimiter? limiter = null)
    {
        ArgumentNullException.ThrowIfNull(universe);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(clock);
        limiter?.SetLimit(universe.RequestWeightPerMinute);

        var plan = StreamPlan.Create(universe.Names, settings.Kinds, settings.Plan);
        var feeds = plan.Connections.ToDictionary(c => c.Id, c => new ConnectionFeed(c.Id), StringComparer.Ordinal);
        var snapshots = new SnapshotService(rest, clock, SnapshotService.RouteByPlan(plan, feeds), settings.Snapshots,
            logs?.CreateLogger("Screener.Binance.Snapshots"));
        var connections = new List<BinanceConnection>();
        foreach (var connection in plan.Connections)
        {
            var connectionSettings = settings.Connection with
            {
                ConnectionId = connection.Id,
                Url = connection.Url,
                Streams = connection.Streams,
            };
            var feed = feeds[connection.Id];
            feed.OnFirstDepthFrame(symbol => snapshots.RequestSnapshot(symbol, "first diff after connect"));
            var source = BinanceConnectionSource.Create(connectionSettings, feed, clock,
                logs?.CreateLogger($"Screener.Binance.Connection.{connection.Id}"));
            connections.Add(new BinanceConnection(connection, connectionSettings, feed, source));
        }

        var pollers = new RestPollers(rest, plan, feeds, settings.Pollers, logs?.CreateLogger("Screener.Binance.Pollers"));
        return new BinanceIngestParts(universe, plan, connections, snapshots, pollers, limiter?.Counters);
    }
}
