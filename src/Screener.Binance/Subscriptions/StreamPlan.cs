using Screener.Contracts;

namespace Screener.Binance.Subscriptions;

/// <summary>
/// The connections needed to carry the wanted streams of a symbol set, honouring the 2026 futures URL split
/// (book streams on <c>/public</c>, the rest on <c>/market</c>) and a per-connection stream limit.
/// </summary>
/// <remarks>
/// <para><b>Shard rule.</b> A symbol's shard is <see cref="ShardHash.ShardOf"/>(symbol, <see cref="ShardCount"/>): FNV-1a 64 of
/// the uppercase symbol, jump-hashed onto the shard count. It depends on nothing but the symbol and the count.</para>
/// <para><b>Shard count.</b> With <c>w</c> = the most streams one symbol needs on one path, a connection holds at most
/// <c>cap = ⌊MaxStreamsPerConnection / w⌋</c> symbols (<see cref="MaxSymbolsPerShard"/>). The count starts at
/// <c>⌈N / ⌊cap · ShardFill⌋⌉</c> for N symbols and grows by one while any shard would exceed <c>cap</c> (hashing is
/// uneven; the fill headroom makes that rare). So the same universe and settings always give the same plan, whatever
/// order the symbols were listed in; adding or removing one symbol moves no other symbol unless the shard count changes,
/// and then only the symbols of the added or removed last shard move.</para>
/// <para>A shard covers the same symbols on both paths (<c>s3/public</c> and <c>s3/market</c>); shards that receive no
/// symbol get no connection, so shard ids may have holes.</para>
/// </remarks>
/// <param name="Connections">Shard by shard, <c>/public</c> before <c>/market</c>.</param>
/// <param name="ShardCount">Number of shards the symbols were hashed onto.</param>
/// <param name="MaxSymbolsPerShard">The most symbols one shard may hold without a connection exceeding the stream limit.</param>
public sealed record StreamPlan(EquatableArray<ConnectionPlan> Connections, int ShardCount, int MaxSymbolsPerShard)
{
    private static readonly string[] PathOrder = [StreamNames.PublicPath, StreamNames.MarketPath];

    /// <summary>Plans connections for <paramref name="symbols"/> × <paramref name="kinds"/>.</summary>
    /// <exception cref="ArgumentException">
    /// No kinds, a blank or whitespace-containing symbol, invalid settings, or one symbol's streams on a path
    /// exceed the per-connection limit.
    /// </exception>
    public static StreamPlan Create(IEnumerable<string> symbols, IEnumerable<StreamKind> kinds, StreamPlanSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(kinds);
        settings ??= StreamPlanSettings.Default;
        settings.Validate();

        var wanted = kinds.Distinct().Order().ToArray();
        if (wanted.Length == 0) throw new ArgumentException("At least one stream kind is required.", nameof(kinds));
        var kindsByPath = PathOrder
            .Select(path => (Path: path, Kinds: wanted.Where(k => StreamNames.PathOf(k) == path).ToArray()))
            .Where(p => p.Kinds.Length > 0)
            .ToArray();

        var widest = kindsByPath.Max(p => p.Kinds.Length);
        if (widest > settings.MaxStreamsPerConnection)
            throw new ArgumentException(
                $"One symbol needs {widest} streams on one path but a connection carries at most {settings.MaxStreamsPerConnection}.",
                nameof(settings));

        var capacity = settings.MaxStreamsPerConnection / widest;
        var sorted = NormaliseSymbols(symbols);
        var (shardCount, shards) = Assign(sorted, capacity, settings.ShardFill);

        var connections = new List<ConnectionPlan>();
        for (var index = 0; index < shards.Length; index++)
        {
            var shardSymbols = shards[index];
            if (shardSymbols.Count == 0) continue;
            var shard = $"s{index}";
            foreach (var (path, pathKinds) in kindsByPath)
            {
                var streams = shardSymbols.SelectMany(s => pathKinds.Select(k => StreamNames.Of(s, k))).ToArray();
                connections.Add(new ConnectionPlan(
                    $"{shard}/{path}", shard, path, shardSymbols.ToArray(), streams, EndpointOf(settings.BaseUri, path)));
            }
        }

        return new StreamPlan(connections.ToArray(), shardCount, capacity);
    }

    /// <summary>Every planned symbol, sorted.</summary>
    public IEnumerable<string> Symbols =>
        Connections.SelectMany(c => c.Symbols).Distinct().Order(StringComparer.Ordinal);

    /// <summary>The connection of <paramref name="path"/> that carries <paramref name="symbol"/>, if any.</summary>
    public ConnectionPlan? Find(string symbol, string path)
    {
        var upper = symbol.Trim().ToUpperInvariant();
        foreach (var connection in Connections)
            if (connection.Path == path && connection.Symbols.AsSpan().Contains(upper)) return connection;
        return null;
    }

    /// <summary>Bare endpoint for SUBSCRIBE: <c>&lt;base&gt;/&lt;path&gt;/ws</c>.</summary>
    public static Uri EndpointOf(Uri baseUri, string path) => new($"{baseUri.AbsoluteUri.TrimEnd('/')}/{path}/ws");

    /// <summary>Combined-stream URL with the streams in the query: <c>&lt;base&gt;/&lt;path&gt;/stream?streams=a/b/c</c>.</summary>
    public static Uri UrlOf(Uri baseUri, string path, IEnumerable<string> streams) =>
        new($"{baseUri.AbsoluteUri.TrimEnd('/')}/{path}/stream?streams={string.Join('/', streams)}");

    private static (int ShardCount, List<string>[] Shards) Assign(string[] sorted, int capacity, double fill)
    {
        var target = Math.Max(1, (int)Math.Floor(capacity * fill));
        var count = Math.Max(1, (sorted.Length + target - 1) / target);
        var hashes = sorted.Select(ShardHash.Fnv1a64).ToArray();
        while (true)
        {
            var shards = Enumerable.Range(0, count).Select(_ => new List<string>()).ToArray();
            for (var i = 0; i < sorted.Length; i++) shards[ShardHash.Jump(hashes[i], count)].Add(sorted[i]);
            if (shards.All(s => s.Count <= capacity)) return (count, shards);
            count++;
        }
    }

    private static string[] NormaliseSymbols(IEnumerable<string> symbols)
    {
        var unique = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in symbols)
        {
            var symbol = raw?.Trim().ToUpperInvariant() ?? "";
            if (symbol.Length == 0 || symbol.Any(char.IsWhiteSpace) || symbol.Contains('/') || symbol.Contains('@'))
                throw new ArgumentException($"Invalid symbol '{raw}'.", nameof(symbols));
            unique.Add(symbol);
        }

        var sorted = unique.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return sorted;
    }
}
