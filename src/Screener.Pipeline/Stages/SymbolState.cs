using Screener.Analytics.Books;
using Screener.Analytics.Features;
using Screener.Analytics.Scoring;
using Screener.Contracts;
using Screener.Contracts.Market;

namespace Screener.Pipeline.Stages;

/// <summary>
/// One symbol's state inside its substream: the synced order book, the rolling features and the predictor.
/// Market events update state; each tick produces exactly one <see cref="SymbolOutput"/>, gated or not, so
/// every rank round completes.
/// </summary>
public sealed class SymbolState(string symbol, PipelineSettings settings, FeatureSpec spec, IPredictor predictor)
{
    private readonly FuturesBookSync _book = new();
    private readonly SymbolFeatureEngine _features =
        new(spec, settings.ShortWindowTicks, settings.LongWindowTicks, settings.StaleAfter);

    public string Symbol { get; } = symbol;

    public long Gaps { get; private set; }

    public BookSyncState BookState => _book.State;

    public SymbolOutput? On(IWithSymbol element)
    {
        switch (element)
        {
            case Tick tick:
                var snapshot = _features.Snapshot(Symbol, tick.Time, _book.State == BookSyncState.Synced);
                return new SymbolOutput(snapshot, predictor.Predict(snapshot), tick.RoundSize);
            case Trade trade:
                _features.OnTrade(trade);
                break;
            case BookTop top:
                _features.OnBookTop(top);
                break;
            case DepthDiff diff:
                if (_book.OnDiff(diff) == BookSyncResult.Gap) Gaps++;
                break;
            case DepthSnapshot depth:
                _book.OnSnapshot(depth);
                break;
        }
        return null;
    }
}
