namespace Screener.Binance.Transport;

/// <summary>
/// Per-symbol depth-snapshot bookkeeping of one connection session: each symbol is fetched once, on its first
/// depth frame; a failed fetch is retried on a later depth frame once its retry time has passed, so a failing
/// endpoint sees one request per symbol per delay, not one per frame. Thread-safe.
/// </summary>
internal sealed class SnapshotScheduler
{
    private enum Phase { Pending, Done, Failed }

    private readonly record struct State(Phase Phase, long RetryAtTicks);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, State> _states = new(StringComparer.Ordinal);

    /// <summary>True when a fetch for <paramref name="symbol"/> should start now; it is then marked pending.</summary>
    public bool TryBegin(string symbol, long nowTicks)
    {
        lock (_lock)
        {
            if (_states.TryGetValue(symbol, out var state)
                && (state.Phase != Phase.Failed || nowTicks < state.RetryAtTicks))
                return false;
            _states[symbol] = new State(Phase.Pending, 0);
            return true;
        }
    }

    /// <summary>The snapshot was delivered; no further fetch for this session.</summary>
    public void Succeeded(string symbol)
    {
        lock (_lock) _states[symbol] = new State(Phase.Done, 0);
    }

    /// <summary>The fetch failed; a depth frame at or after <paramref name="retryAtTicks"/> may start another.</summary>
    public void Failed(string symbol, long retryAtTicks)
    {
        lock (_lock) _states[symbol] = new State(Phase.Failed, retryAtTicks);
    }

    /// <summary>True once a snapshot for <paramref name="symbol"/> was delivered.</summary>
    public bool IsDone(string symbol)
    {
        lock (_lock) return _states.TryGetValue(symbol, out var state) && state.Phase == Phase.Done;
    }
}
