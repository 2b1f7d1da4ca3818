using Screener.Analytics.Books;
using Screener.Contracts;
using Screener.Contracts.Market;
using Screener.Pipeline.Instrumentation;

namespace Screener.Pipeline.Stages;

/// <summary>
/// One symbol's futures order book, kept in sync from REST snapshots and <c>pu</c>-chained diffs, and the node's
/// resync rule: a chain break or a rejected snapshot asks the adapter for a snapshot of this symbol alone, once, until
/// a snapshot arrives. <see cref="SymbolState"/> and the recording graph both keep their books with it, so a recorder
/// asks for the snapshots a node would and its journal holds the same resyncs.
/// </summary>
public sealed class SymbolBook(string symbol, ISnapshotRequester snapshots, HealthCounters health)
{
    private readonly FuturesBookSync _book = new();
    private bool _resyncPending;

    public string Symbol { get; } = symbol;

    public BookSyncState State => _book.State;

    public OrderBook Book => _book.Book;

    /// <summary>Applies a diff; a chain break is counted, asks for a snapshot, and comes back as <paramref name="gap"/>.</summary>
    public BookSyncResult OnDiff(DepthDiff diff, out Gap? gap)
    {
        gap = null;
        var result = _book.OnDiff(diff);
        if (result != BookSyncResult.Gap) return result;
        var (expected, actual) = _book.LastGap;
        gap = new Gap(Symbol, diff.TsEvent, diff.TsInit, diff.Sequence, expected, actual);
        health.Gap(Symbol);
        RequestResync("gap");
        return result;
    }

    /// <summary>Applies a snapshot; a rejected one asks for another, an accepted one after a request counts as a resync.</summary>
    public BookSyncResult OnSnapshot(DepthSnapshot snapshot)
    {
        var wasPending = _resyncPending;
        _resyncPending = false;
        var result = _book.OnSnapshot(snapshot);
        if (result == BookSyncResult.SnapshotRejected) RequestResync("snapshot-rejected");
        else if (wasPending) health.Resynced(Symbol);
        return result;
    }

    private void RequestResync(string reason)
    {
        if (_resyncPending) return;
        _resyncPending = true;
        health.ResyncRequested(Symbol);
        snapshots.RequestSnapshot(Symbol, reason);
    }
}
