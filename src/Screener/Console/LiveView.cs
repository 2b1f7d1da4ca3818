using Screener.Analytics.Ranking;
using Screener.Contracts;

namespace Screener.Console;

/// <summary>
/// What the terminal shows: the latest board and the most recent rank events. Written by the console notifier
/// sink, read by the render loop; a lock keeps each read a consistent pair.
/// </summary>
public sealed class LiveView(int recentEvents = 8)
{
    private readonly object _gate = new();
    private readonly Queue<RankEvent> _recent = new();
    private RankBoard? _board;
    private long _events;
    private long _rounds;

    /// <summary>Rank rounds shown so far.</summary>
    public long Rounds => Interlocked.Read(ref _rounds);

    public void Update(RankBoard board, IEnumerable<RankEvent> events)
    {
        lock (_gate)
        {
            _board = board;
            Interlocked.Increment(ref _rounds);
            foreach (var e in events)
            {
                _events++;
                _recent.Enqueue(e);
                if (_recent.Count > recentEvents) _recent.Dequeue();
            }
        }
    }

    public (RankBoard? Board, IReadOnlyList<RankEvent> Recent, long Events) Read()
    {
        lock (_gate) return (_board, _recent.ToList(), _events);
    }
}
