namespace Screener.Sim.Market;

/// <summary>
/// Bars of one interval for one symbol. Futures push the open bar every 250 ms while it changes and one
/// final <c>x:true</c> push when it closes; a window without trades has no bar (the simulated symbols
/// trade every few hundred ms, so this never shows in practice).
/// </summary>
internal sealed class KlineSeries
{
    private const int PushIntervalMs = 250;
    private readonly List<KlineBar> _closed = [];
    private KlineBar? _current;
    private bool _dirty;

    public KlineSeries(KlineInterval interval, string stream)
    {
        Interval = interval;
        Stream = stream;
    }

    public KlineInterval Interval { get; }

    public string Stream { get; }

    public void Add(Fill fill)
    {
        if (_current is not null && fill.TimeMs > _current.CloseTimeMs) CloseCurrent();
        if (_current is null)
        {
            var open = fill.TimeMs - fill.TimeMs % Interval.Milliseconds;
            _current = new KlineBar(open, Interval.Milliseconds, fill);
        }
        _current.Add(fill);
        _dirty = true;
    }

    /// <summary>Bars to push at the end of a step: closed ones first, then the open bar on a 250 ms boundary.</summary>
    public IReadOnlyList<KlineBar> TakePushes(long previousNowMs, long nowMs)
    {
        if (_current is not null && nowMs > _current.CloseTimeMs) CloseCurrent();
        var pushOpen = _current is not null && _dirty && nowMs / PushIntervalMs != previousNowMs / PushIntervalMs;
        if (_closed.Count == 0 && !pushOpen) return [];
        var pushes = new List<KlineBar>(_closed);
        _closed.Clear();
        if (pushOpen)
        {
            pushes.Add(_current!);
            _dirty = false;
        }
        return pushes;
    }

    private void CloseCurrent()
    {
        _current!.Closed = true;
        _closed.Add(_current);
        _current = null;
        _dirty = false;
    }
}
