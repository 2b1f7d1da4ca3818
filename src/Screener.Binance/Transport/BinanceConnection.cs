using Akka;
using Akka.Streams.Dsl;
using Screener.Binance.Subscriptions;
using Screener.Contracts;

namespace Screener.Binance.Transport;

/// <summary>One planned connection as built by <see cref="BinanceIngestBuilder"/>.</summary>
/// <param name="Plan">What it carries.</param>
/// <param name="Settings">Its settings.</param>
/// <param name="Feed">Its handle: up state, REST frame injection, counters.</param>
/// <param name="Source">Its raw-frame source (a blueprint; materialize once).</param>
public sealed record BinanceConnection(ConnectionPlan Plan, ConnectionSettings Settings, ConnectionFeed Feed, Source<RawFrame, NotUsed> Source)
{
    /// <summary>Connection id (<c>s0/public</c>).</summary>
    public string Id => Plan.Id;

    /// <summary>Its live counters.</summary>
    public ConnectionCounters Counters => Feed.Counters;
}
