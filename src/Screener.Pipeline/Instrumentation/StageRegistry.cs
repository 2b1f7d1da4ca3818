using System.Collections.Concurrent;

namespace Screener.Pipeline.Instrumentation;

/// <summary>
/// The node's registry of named stage counters (Akka.NET has no materializer snapshot API), read by the
/// console, the command host and metrics. One registry per running graph.
/// </summary>
public sealed class StageRegistry
{
    private readonly ConcurrentDictionary<string, StageCounters> _stages = new(StringComparer.Ordinal);

    public StageCounters For(string name) => _stages.GetOrAdd(name, n => new StageCounters(n));

    public IReadOnlyList<StageCounters> All => _stages.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
}
