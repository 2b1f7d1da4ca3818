using Screener.Sim.Server;

namespace Screener.Sim.Journal;

/// <summary>
/// The connections a generated journal is recorded over. The executable builds it from the node's own stream plan, so a
/// generated journal carries the connection ids, paths and streams a node would; <see cref="SingleShard"/> is the
/// one-shard plan for small listings and tests.
/// </summary>
/// <param name="Connections">Connections in plan order (shard by shard, <c>/public</c> before <c>/market</c>).</param>
public sealed record JournalPlan(IReadOnlyList<JournalConnection> Connections)
{
    /// <summary>The per-symbol streams a screener node subscribes, in its subscription order.</summary>
    public static readonly IReadOnlyList<string> NodeSuffixes = BlastSettings.NodeStreams;

    /// <summary>
    /// Shard <c>s0</c> with every symbol (sorted ordinally, as the node sorts them): <c>s0/public</c> with the book streams of
    /// <paramref name="suffixes"/>, <c>s0/market</c> with the rest.
    /// </summary>
    public static JournalPlan SingleShard(IEnumerable<string> symbols, IReadOnlyList<string>? suffixes = null)
    {
        var sorted = symbols.Select(s => s.ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal).ToArray();
        suffixes ??= NodeSuffixes;
        var connections = new List<JournalConnection>();
        foreach (var path in new[] { JournalConnection.PublicPath, JournalConnection.MarketPath })
        {
            var streams = sorted
                .SelectMany(symbol => suffixes.Select(suffix => symbol.ToLowerInvariant() + suffix))
                .Where(stream => StreamCatalog.IsPublic(stream) == (path == JournalConnection.PublicPath))
                .ToArray();
            if (streams.Length > 0) connections.Add(new JournalConnection($"s0/{path}", "s0", path, sorted, streams));
        }
        return new JournalPlan(connections);
    }

    /// <summary>Throws when the plan is empty, names a connection twice, lists a stream twice, or uses an unknown path.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Connections);
        if (Connections.Count == 0) throw new ArgumentException("A journal plan needs at least one connection.", nameof(Connections));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var streams = new HashSet<string>(StringComparer.Ordinal);
        foreach (var connection in Connections)
        {
            if (!ids.Add(connection.Id)) throw new ArgumentException($"Connection '{connection.Id}' is planned twice.", nameof(Connections));
            if (connection.Path is not (JournalConnection.PublicPath or JournalConnection.MarketPath))
                throw new ArgumentException($"Connection '{connection.Id}' has path '{connection.Path}'; expected public or market.", nameof(Connections));
            foreach (var stream in connection.Streams)
                if (!streams.Add(stream)) throw new ArgumentException($"Stream '{stream}' is planned on two connections.", nameof(Connections));
        }
    }

    internal static bool Carries(JournalConnection connection, string stream) =>
        StreamCatalog.IsCarried(connection.Path == JournalConnection.PublicPath ? StreamRoute.Public : StreamRoute.Market, stream);

    internal static string SymbolOf(string stream) => stream[..stream.IndexOf('@', StringComparison.Ordinal)].ToUpperInvariant();

    internal static bool IsDepth(string stream) => stream.AsSpan(stream.IndexOf('@') + 1).StartsWith("depth", StringComparison.Ordinal);
}
