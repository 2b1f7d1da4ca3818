using Screener.Contracts;

namespace Screener.Offline.Tests.Support;

/// <summary>A snapshot requester that only records what was asked, in order (thread-safe: the graph calls it from a stream).</summary>
internal sealed class RecordingSnapshots : ISnapshotRequester
{
    private readonly List<(string Symbol, string Reason)> _requests = [];

    public IReadOnlyList<(string Symbol, string Reason)> Requests
    {
        get { lock (_requests) return _requests.ToList(); }
    }

    public void RequestSnapshot(string symbol, string reason)
    {
        lock (_requests) _requests.Add((symbol, reason));
    }
}
