namespace Screener.Pipeline.Routing;

/// <summary>
/// Which symbols matter most when load must be shed: the configured priority symbols and the current top-K
/// (priority 0, their trades are never shed), then the rest in universe order. Read by the ingest router on
/// every shed decision, replaced whole by the ranking side: readers always see one consistent view.
/// </summary>
public sealed class SymbolPriorities
{
    private volatile View _view;

    public SymbolPriorities(IEnumerable<string> prioritySymbols, IEnumerable<string> universeOrder)
    {
        var configured = prioritySymbols.ToHashSet(StringComparer.Ordinal);
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var symbol in universeOrder) order.TryAdd(symbol, order.Count + 1);
        _view = new View(configured, configured, order);
    }

    /// <summary>True for symbols whose trades are never shed.</summary>
    public bool IsTop(string symbol) => _view.Top.Contains(symbol);

    /// <summary>0 for top symbols, then the universe position; unknown symbols rank last.</summary>
    public int Rank(string symbol)
    {
        var view = _view;
        return view.Top.Contains(symbol) ? 0 : view.Order.GetValueOrDefault(symbol, int.MaxValue);
    }

    /// <summary>The current top-K joins the configured priority symbols.</summary>
    public void SetRanked(IEnumerable<string> ranked)
    {
        var view = _view;
        var top = new HashSet<string>(view.Configured, StringComparer.Ordinal);
        top.UnionWith(ranked);
        _view = view with { Top = top };
    }

    private sealed record View(HashSet<string> Configured, HashSet<string> Top, Dictionary<string, int> Order);
}
