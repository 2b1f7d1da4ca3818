using Screener.Analytics.Books;
using Screener.Analytics.Features;
using Screener.Analytics.Scoring;
using Screener.Contracts;
using Screener.Contracts.Market;
using Screener.Pipeline.Instrumentation;

namespace Screener.Pipeline.Stages;

/// <summary>
/// One symbol's state inside its substream: the synced order book, the rolling features, stream health and the
/// predictor. Market events update state; each tick produces exactly one <see cref="SymbolOutput"/>, gated or
/// not, so every rank round completes. A chain break emits a <see cref="Gap"/>, flags the book and asks the adapter
/// for a snapshot of this symbol alone (<see cref="SymbolBook"/>); trades and book tops are idempotent by exchange id,
/// so frames repeated across a connection handover count once.
/// </summary>
public sealed class SymbolState
{
    private readonly GraphServices _services;
    private readonly SymbolBook _book;
    private readonly SymbolFeatureEngine _features;
    private readonly HashSet<string> _staleKinds = new(StringComparer.Ordinal);
    private readonly List<MarketEvent> _health = [];
    private long _lastTradeId = long.MinValue;
    private long _lastBookTopId = long.MinValue;
    private readonly TickBookObserver? _observer;
    private readonly SymbolScorer _scorer;

    /// <param name="observer">
    /// Offline only (training labels): called at each tick, after its snapshot, with the book when it is synced. It
    /// reads and changes nothing the symbol publishes; the live graph passes none.
    /// </param>
    public SymbolState(string symbol, PipelineSettings settings, GraphServices services, TickBookObserver? observer = null)
    {
        Symbol = symbol;
        _services = services;
        _observer = observer;
        _book = new SymbolBook(symbol, services.Snapshots, services.Telemetry.Health);
        _features = new SymbolFeatureEngine(services.Spec, settings.Cadence, settings.WarmUpTicks, settings.StaleAfter);
        _scorer = new SymbolScorer(settings.Scoring);
    }

    public string Symbol { get; }

    public BookSyncState BookState => _book.State;

    public SymbolOutput? On(IWithSymbol element)
    {
        if (element is MarketEvent e && StreamKinds.Of(e) is { } kind) _staleKinds.Remove(kind);
        switch (element)
        {
            case Tick tick:
                return Publish(tick);
            case Trade trade when trade.TradeId > _lastTradeId:
                _lastTradeId = trade.TradeId;
                _features.OnTrade(trade);
                break;
            case BookTop top when top.UpdateId > _lastBookTopId:
                _lastBookTopId = top.UpdateId;
                _features.OnBookTop(top);
                break;
            case DepthDiff diff:
                OnDiff(diff);
                break;
            case MarkPrice mark:
                _features.OnMarkPrice(mark);
                break;
            case FundingInterval interval when interval.Hours > 0:
                _features.OnFundingInterval(interval);
                break;
            case Liquidation liquidation:
                _features.OnLiquidation(liquidation);
                break;
            case OpenInterest openInterest:
                _features.OnOpenInterest(openInterest);
                break;
            case DepthSnapshot depth:
                _book.OnSnapshot(depth);
                break;
            case Stale stale:
                _staleKinds.Add(stale.StreamKind);
                _health.Add(stale);
                _services.Telemetry.Health.Stale(Symbol, stale.StreamKind);
                break;
        }
        return null;
    }

    private void OnDiff(DepthDiff diff)
    {
        if (_book.OnDiff(diff, out var gap) == BookSyncResult.Applied) _features.OnBookUpdate(diff.TsEvent);
        if (gap is not null) _health.Add(gap);
    }

    private SymbolOutput Publish(Tick tick)
    {
        var snapshot = _features.Snapshot(Symbol, tick, _book.Book, _book.State == BookSyncState.Synced);
        if (_staleKinds.Count > 0 && !snapshot.Quality.HasFlag(DataQuality.Stale))
            snapshot = snapshot with { Quality = snapshot.Quality | DataQuality.Stale };
        var synced = _book.State == BookSyncState.Synced ? _book.Book : null;
        _observer?.Invoke(Symbol, tick.Time, synced);
        var gap = false;
        foreach (var e in _health) gap |= e is Gap;
        var prediction = _scorer.Score(_services.Models.For(tick.Time), snapshot, synced, gap);
        var health = _health.Count == 0 ? (IReadOnlyList<MarketEvent>)[] : _health.ToArray();
        _health.Clear();
        return new SymbolOutput(snapshot, prediction, tick.RoundSize, health);
    }
}
