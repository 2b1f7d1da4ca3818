using System.Collections.Concurrent;

namespace Screener.Pipeline.Instrumentation;

/// <summary>
/// Stream health per symbol and kind for the operator: stale episodes, gaps, snapshot resync requests, and
/// shed elements per reason. Written by the stages, read by the console and command host.
/// </summary>
public sealed class HealthCounters
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Stale(string symbol, string kind) => Add($"stale/{kind}/{symbol}");

    public void Gap(string symbol) => Add($"gap/{symbol}");

    public void ResyncRequested(string symbol) => Add($"resync/{symbol}");

    public void Resynced(string symbol) => Add($"resynced/{symbol}");

    public void Shed(string reason) => Add($"shed/{reason}");

    /// <summary>Total of every counter whose key starts with <paramref name="prefix"/> (for example <c>gap/</c>).</summary>
    public long Total(string prefix) => _counts.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(kv => kv.Value);

    public long this[string key] => _counts.GetValueOrDefault(key);

    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(_counts, StringComparer.Ordinal);

    private void Add(string key) => _counts.AddOrUpdate(key, 1, (_, n) => n + 1);
}
