using System.Text.Json;
using Screener.Sim.Market;
using Screener.Sim.Server;

namespace Screener.Sim.Faults;

/// <summary>
/// Applies the faults that act on market events between the model and the subscribers: <c>gap</c> withholds
/// one depthUpdate per depth stream of the gapped symbol (the model still advanced, so the next event's
/// <c>pu</c> no longer matches what subscribers saw), and <c>silent</c> withholds every event of the silent
/// symbols, including their entries in all-market streams. The model itself never changes.
/// </summary>
internal sealed class EventFaultFilter
{
    // One symbol's diff-depth streams, one pu chain each (the cadences of SymbolSim).
    private static readonly string[] DepthSuffixes = ["@depth@100ms", "@depth", "@depth@500ms"];

    private readonly FaultSwitch _faults;
    private readonly StreamHub _hub;
    private readonly IReadOnlyList<SymbolSpec> _symbols;
    private readonly ExchangeCounters _counters;
    private readonly object _gate = new();
    private readonly HashSet<string> _armed = new(StringComparer.Ordinal);
    private volatile int _armedCount;
    private int _nextSymbol;
    private IReadOnlyList<string>? _silentSource;
    private HashSet<string> _silentKeys = new(StringComparer.Ordinal);

    public EventFaultFilter(FaultSwitch faults, StreamHub hub, IReadOnlyList<SymbolSpec> symbols, ExchangeCounters counters)
    {
        _faults = faults;
        _hub = hub;
        _symbols = symbols;
        _counters = counters;
    }

    /// <summary>
    /// Arms a gap on <paramref name="symbol"/>, or on the next symbol in catalog order that has a depth
    /// subscriber (a gap nobody can see would prove nothing). A pending gap on a stream that lost its last
    /// subscriber is dropped, so it cannot hit a later subscriber's first frame; others stay armed until their
    /// stream's next event (a 500 ms stream may be due only after the next arm).
    /// </summary>
    public void ArmGap(string? symbol)
    {
        var key = symbol?.ToLowerInvariant() ?? NextWatchedKey();
        if (key is null) return;
        lock (_gate)
        {
            _armed.RemoveWhere(stream => !_hub.IsWanted(stream));
            foreach (var suffix in DepthSuffixes) _armed.Add(key + suffix);
            _armed.RemoveWhere(stream => !_hub.IsWanted(stream));
            _armedCount = _armed.Count;
        }
    }

    /// <summary>The events that reach subscribers this step; the same list when no event fault is active.</summary>
    public IReadOnlyList<SimEvent> Apply(IReadOnlyList<SimEvent> events)
    {
        var silent = SilentKeys(_faults.Current.SilentSymbols);
        if (silent.Count == 0 && _armedCount == 0) return events;
        var kept = new List<SimEvent>(events.Count);
        foreach (var ev in events)
        {
            if (_armedCount > 0 && TakeGap(ev.Stream))
            {
                ExchangeCounters.Bump(ref _counters.GapsInjected);
                continue;
            }
            var survivor = silent.Count == 0 ? ev : Silence(ev, silent);
            if (survivor is null)
            {
                ExchangeCounters.Bump(ref _counters.FramesSilenced);
                continue;
            }
            kept.Add(survivor);
        }
        return kept;
    }

    private bool TakeGap(string stream)
    {
        lock (_gate)
        {
            if (!_armed.Remove(stream)) return false;
            _armedCount = _armed.Count;
            return true;
        }
    }

    private string? NextWatchedKey()
    {
        for (var i = 0; i < _symbols.Count; i++)
        {
            var index = (_nextSymbol + i) % _symbols.Count;
            var key = _symbols[index].StreamKey;
            if (!DepthSuffixes.Any(suffix => _hub.IsWanted(key + suffix))) continue;
            _nextSymbol = index + 1;
            return key;
        }
        return null;
    }

    private HashSet<string> SilentKeys(IReadOnlyList<string> symbols)
    {
        // Rebuilt only when the fault value changes; the pump calls this every step.
        if (!ReferenceEquals(symbols, _silentSource))
        {
            _silentKeys = new HashSet<string>(symbols.Select(s => s.ToLowerInvariant()), StringComparer.Ordinal);
            _silentSource = symbols;
        }
        return _silentKeys;
    }

    /// <summary>The event without the silent symbols' data, or null when nothing of it is left.</summary>
    private static SimEvent? Silence(SimEvent ev, HashSet<string> silent)
    {
        var stream = ev.Stream;
        if (!stream.StartsWith('!'))
        {
            var at = stream.IndexOf('@');
            return at > 0 && silent.Contains(stream[..at]) ? null : ev;
        }
        using var document = JsonDocument.Parse(ev.Payload);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array) return silent.Contains(SymbolKey(root)) ? null : ev;
        var items = root.EnumerateArray().ToList();
        var loud = items.Where(item => !silent.Contains(SymbolKey(item))).ToList();
        if (loud.Count == items.Count) return ev;
        if (loud.Count == 0) return null;
        var payload = PayloadWriter.JoinArray(loud.Select(item => System.Text.Encoding.UTF8.GetBytes(item.GetRawText())).ToList());
        return new SimEvent(stream, payload);
    }

    /// <summary>Lower-case symbol of an all-market item: <c>s</c>, or <c>o.s</c> inside a forceOrder.</summary>
    private static string SymbolKey(JsonElement item)
    {
        var holder = item.TryGetProperty("o", out var order) && order.ValueKind == JsonValueKind.Object ? order : item;
        return holder.TryGetProperty("s", out var symbol) ? symbol.GetString()?.ToLowerInvariant() ?? "" : "";
    }
}
