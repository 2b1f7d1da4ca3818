using Screener.Contracts;

namespace Screener.Binance.Subscriptions;

/// <summary>One WebSocket connection of a <see cref="StreamPlan"/>.</summary>
/// <param name="Id">Connection id, <c>s&lt;shard&gt;/&lt;path&gt;</c> (for example <c>s0/public</c>); becomes <see cref="RawFrame.ConnectionId"/>.</param>
/// <param name="Shard">Shard name (<c>s0</c>): the symbol group this connection serves.</param>
/// <param name="Path">Routed path: <see cref="StreamNames.PublicPath"/> or <see cref="StreamNames.MarketPath"/>.</param>
/// <param name="Symbols">The shard's symbols, uppercase, sorted ordinally.</param>
/// <param name="Streams">Stream names to SUBSCRIBE, in subscription order (symbol by symbol).</param>
/// <param name="Url">Bare endpoint <c>ws(s)://host/&lt;path&gt;/ws</c>: streams are added by SUBSCRIBE after connecting, so the
/// URL never grows with the universe and a reconnect re-subscribes and confirms exactly the planned set.</param>
public sealed record ConnectionPlan(
    string Id, string Shard, string Path, EquatableArray<string> Symbols, EquatableArray<string> Streams, Uri Url);
