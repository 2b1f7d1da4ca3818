using Screener.Contracts;

namespace Screener.Binance.Universe;

/// <summary>
/// The symbols the screener subscribes to, built by <see cref="UniverseBuilder"/> from exchangeInfo (plus the 24 h
/// ticker when a volume filter is on, and fundingInfo), with the reason each other exchangeInfo symbol was left out.
/// </summary>
/// <param name="Symbols">Included symbols, sorted ordinally.</param>
/// <param name="Excluded">Every other exchangeInfo symbol with its reason, sorted ordinally.</param>
/// <param name="RequestWeightPerMinute">The IP's REST weight budget from exchangeInfo <c>rateLimits</c>, when listed.</param>
public sealed record Universe(
    EquatableArray<UniverseSymbol> Symbols, EquatableArray<UniverseExclusion> Excluded, int? RequestWeightPerMinute)
{
    /// <summary>Included symbol names, sorted.</summary>
    public IReadOnlyList<string> Names => Symbols.Select(s => s.Symbol).ToArray();

    /// <summary>Number of included symbols.</summary>
    public int Count => Symbols.Count;

    /// <summary>The included symbol named <paramref name="symbol"/> (any case), or null.</summary>
    public UniverseSymbol? Find(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        var upper = symbol.Trim().ToUpperInvariant();
        foreach (var s in Symbols)
            if (s.Symbol == upper) return s;
        return null;
    }

    /// <summary>A universe of fixed names with default sizes and funding (tests, demos, the simulator).</summary>
    public static Universe Of(IEnumerable<string> symbols) => new(
        symbols.Select(s => s.Trim().ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal)
            .Select(s => new UniverseSymbol(s, "", "", null, 0, 0, UniverseSettings.DefaultFundingIntervalHours, null))
            .ToArray(),
        EquatableArray<UniverseExclusion>.Empty, null);
}
