using Screener.Analytics.Ranking;
using Screener.Contracts;

namespace Screener.Console;

/// <summary>
/// What the terminal shows: the latest board, every symbol's status label, and the most recent rank events. Written by the console notifier
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

    private IReadOnlyList<SymbolStatus> _statuses = [];

    public void Update(RankBoard board, IEnumerable<RankEvent> events, IReadOnlyList<SymbolStatus>? statuses = null)
    {
        lock (_gate)
        {
            _board = board;
            _statuses = statuses ?? [];
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

    /// <summary>
    /// The symbols off the board that are not quiet, grouped by status label in a fixed order (WATCH, HELD, COOLING,
    /// then the gated ones), each group's symbols in name order: what users watch besides the top-K.
    /// </summary>
    public IReadOnlyList<(string Label, IReadOnlyList<string> Symbols)> WatchList()
    {
        IReadOnlyList<SymbolStatus> statuses;
        lock (_gate) statuses = _statuses;
        return [.. WatchOrder
            .Select(label => (label, (IReadOnlyList<string>)[.. statuses.Where(s => s.Label == label).Select(s => s.Symbol).Order(StringComparer.Ordinal)]))
            .Where(g => g.Item2.Count > 0)];
    }

    private static readonly string[] WatchOrder =
        [StatusLabels.Watch, StatusLabels.Held, StatusLabels.Cooling, StatusLabels.DataIssue, StatusLabels.Toxic, StatusLabels.Illiquid];
}
