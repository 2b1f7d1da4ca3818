namespace Screener.Sim.Journal;

/// <summary>One planned connection of the node whose journal is generated, as the node's stream plan names it.</summary>
/// <param name="Id">Connection id the node journals its frames under, for example <c>s0/public</c>.</param>
/// <param name="Shard">The connection shard (<c>s0</c>); REST polls of a shard's symbols go to one of its connections.</param>
/// <param name="Path">The routed URL path, <c>public</c> or <c>market</c>: a stream the path does not carry is subscribed and then
/// silent, as on live fstream.</param>
/// <param name="Symbols">Upper-case symbols of the shard.</param>
/// <param name="Streams">Stream names in subscription order (<c>btcusdt@depth@100ms</c>, …).</param>
public sealed record JournalConnection(string Id, string Shard, string Path, IReadOnlyList<string> Symbols, IReadOnlyList<string> Streams)
{
    /// <summary>Path of the high-frequency book streams.</summary>
    public const string PublicPath = "public";

    /// <summary>Path of everything else (trades, mark price, liquidations).</summary>
    public const string MarketPath = "market";
}
