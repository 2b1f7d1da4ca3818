using System.Text;
using Screener.Sim.Market;

namespace Screener.Sim.Server;

/// <summary>
/// Stream name → subscribed connections, copy-on-write: the pump reads the table lock-free every step,
/// while (rare) subscription changes rebuild it under a lock. Only subscriptions the connection's URL
/// family carries are registered here; the others exist only in the connection's own list.
/// </summary>
internal sealed class StreamHub
{
    private readonly object _gate = new();
    private volatile Dictionary<string, SimConnection[]> _routes = new(StringComparer.Ordinal);

    /// <summary>Whether any connection listens to <paramref name="stream"/>; the market skips serialising the rest.</summary>
    public bool IsWanted(string stream) => _routes.ContainsKey(stream);

    public void Add(SimConnection connection, IEnumerable<string> streams) => Change(connection, streams, add: true);

    public void Remove(SimConnection connection, IEnumerable<string> streams) => Change(connection, streams, add: false);

    /// <summary>Hands each event to its subscribers, wrapping it once for all combined-mode connections.</summary>
    public void Publish(IReadOnlyList<SimEvent> events)
    {
        var routes = _routes;
        foreach (var ev in events)
        {
            if (!routes.TryGetValue(ev.Stream, out var connections)) continue;
            byte[]? combined = null;
            foreach (var connection in connections)
                connection.EnqueueData(connection.Combined ? combined ??= Wrap(ev) : ev.Payload);
        }
    }

    /// <summary>The combined-stream envelope <c>{"stream":"…","data":…}</c> around the bare payload.</summary>
    public static byte[] Wrap(SimEvent ev) => Wrap(ev.Stream, ev.Payload);

    /// <summary>The combined-stream envelope around <paramref name="payload"/> of <paramref name="stream"/>.</summary>
    public static byte[] Wrap(string stream, byte[] payload)
    {
        var head = Encoding.UTF8.GetBytes("{\"stream\":\"" + stream + "\",\"data\":");
        var frame = new byte[head.Length + payload.Length + 1];
        head.CopyTo(frame, 0);
        payload.CopyTo(frame, head.Length);
        frame[^1] = (byte)'}';
        return frame;
    }

    private void Change(SimConnection connection, IEnumerable<string> streams, bool add)
    {
        lock (_gate)
        {
            var next = new Dictionary<string, SimConnection[]>(_routes, StringComparer.Ordinal);
            foreach (var stream in streams)
            {
                var current = next.GetValueOrDefault(stream, []);
                var has = Array.IndexOf(current, connection) >= 0;
                if (add && !has) next[stream] = [.. current, connection];
                if (!add && has)
                {
                    var remaining = current.Where(c => c != connection).ToArray();
                    if (remaining.Length == 0) next.Remove(stream);
                    else next[stream] = remaining;
                }
            }
            _routes = next;
        }
    }
}
