using Screener.Contracts;

namespace Screener.Binance.Subscriptions;

/// <summary>
/// The connections needed to carry the wanted streams of a symbol set, honouring the 2026 futures URL split
/// (book streams on <c>/public</c>, the rest on <c>/market</c>) and a per-connection stream limit.
/// </summary>
/// <remarks>
/// Assignment is by sorted position: symbols are uppercased, de-duplicated and sorted ordinally, then cut into
/// shards of <see cref="SymbolsPerShard"/>. The same symbol set therefore always gives the same shards whatever
/// order it was listed in; adding or removing a symbol may move the symbols sorted after it. A shard covers the
/// same symbols on both paths (<c>s3/public</c> and <c>s3/market</c>), so one shard id names one symbol group.
/// </remarks>
/// <param name="Connections">Shard by shard, <c>/public</c> before <c>/market</c>.</param>
/// <param name="SymbolsPerShard">How many symbols one shard holds.</param>
public sealed record StreamPlan(EquatableArray<ConnectionPlan> Connections, int SymbolsPerShard)
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
        var symbolsPerShard = settings.MaxStreamsPerConnection / widest;

        var sorted = NormaliseSymbols(symbols);
        var connections = new List<ConnectionPlan>();
        var shardIndex = 0;
        foreach (var shardSymbols in sorted.Chunk(symbolsPerShard))
        {
            var shard = $"s{shardIndex++}";
            foreach (var (path, pathKinds) in kindsByPath)
            {
                var streams = shardSymbols.SelectMany(s => pathKinds.Select(k => StreamNames.Of(s, k))).ToArray();
                connections.Add(new ConnectionPlan(
                    $"{shard}/{path}", shard, path, shardSymbols, streams, UrlOf(settings.BaseUri, path, streams)));
            }
        }

        return new StreamPlan(connections.ToArray(), symbolsPerShard);
    }

    /// <summary>The connection of <paramref name="path"/> that carries <paramref name="symbol"/>, if any.</summary>
    public ConnectionPlan? Find(string symbol, string path)
    {
        var upper = symbol.Trim().ToUpperInvariant();
        foreach (var connection in Connections)
            if (connection.Path == path && connection.Symbols.AsSpan().Contains(upper)) return connection;
        return null;
    }

    /// <summary>Combined-stream URL: <c>&lt;base&gt;/&lt;path&gt;/stream?streams=a/b/c</c>.</summary>
    public static Uri UrlOf(Uri baseUri, string path, IEnumerable<string> streams) =>
        new($"{baseUri.AbsoluteUri.TrimEnd('/')}/{path}/stream?streams={string.Join('/', streams)}");

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
