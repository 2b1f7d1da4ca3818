using Screener.Analytics.Books;
using Screener.Contracts;
using Screener.Contracts.Market;

namespace Screener.Bench;

/// <summary>
/// One symbol's share of the ingest half: the futures book kept in sync from its snapshot and <c>pu</c>-chained
/// diffs, and trades and book tops made idempotent by exchange id (as the node's symbol state does). No features,
/// no prediction: the benchmark measures what every message costs before those.
/// </summary>
internal sealed class SymbolIngest(IngestBenchCounters counters)
{
    private readonly FuturesBookSync _book = new();
    private long _lastTradeId = long.MinValue;
    private long _lastBookTopId = long.MinValue;
    private bool _synced;

    public void On(IWithSymbol element)
    {
        switch (element)
        {
            case DepthDiff diff:
                OnDiff(diff);
                break;
            case DepthSnapshot snapshot:
                OnSnapshot(snapshot);
                return;
            case Trade trade:
                counters.Trade(duplicate: trade.TradeId <= _lastTradeId);
                if (trade.TradeId > _lastTradeId) _lastTradeId = trade.TradeId;
                break;
            case BookTop top:
                counters.BookTop(duplicate: top.UpdateId <= _lastBookTopId);
                if (top.UpdateId > _lastBookTopId) _lastBookTopId = top.UpdateId;
                break;
            case MarkPrice:
                counters.MarkPrice();
                break;
            case Liquidation:
                counters.Liquidation();
                break;
            default:
                counters.OtherEvent();
                break;
        }
        counters.Message();
    }

    private void OnDiff(DepthDiff diff)
    {
        switch (_book.OnDiff(diff))
        {
            case BookSyncResult.Applied:
                counters.DiffApplied();
                break;
            case BookSyncResult.Buffered:
                counters.DiffBuffered();
                break;
            case BookSyncResult.Ignored:
                counters.DiffIgnored();
                break;
            case BookSyncResult.Gap:
                counters.Gap();
                break;
        }
    }

    private void OnSnapshot(DepthSnapshot snapshot)
    {
        var buffered = _book.Buffered;
        var accepted = _book.OnSnapshot(snapshot) == BookSyncResult.Synced;
        var firstSync = accepted && !_synced;
        _synced |= accepted;
        counters.Snapshot(accepted, accepted ? buffered : 0, firstSync);
    }
}
