using System.Collections.Concurrent;

namespace Screener.Sim.Server;

/// <summary>Open WebSocket connections and exchange-wide counters, for forced disconnects and observability.</summary>
internal sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<long, SimConnection> _open = new();
    private long _nextId;
    private long _framesSent;

    public int Count => _open.Count;

    public long FramesSent => Interlocked.Read(ref _framesSent);

    public long NextId() => Interlocked.Increment(ref _nextId);

    public void Add(SimConnection connection) => _open[connection.Id] = connection;

    public void Remove(SimConnection connection) => _open.TryRemove(connection.Id, out _);

    public void CountFrame() => Interlocked.Increment(ref _framesSent);

    /// <summary>The connections open right now (a copy; safe to iterate while sockets come and go).</summary>
    public SimConnection[] Snapshot() => _open.Values.ToArray();

    /// <summary>Aborts every open connection (no close handshake) and returns how many there were.</summary>
    public int AbortAll()
    {
        var victims = Snapshot();
        foreach (var connection in victims) connection.Abort();
        return victims.Length;
    }
}
