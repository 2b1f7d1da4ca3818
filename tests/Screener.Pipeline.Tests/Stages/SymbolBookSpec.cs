using Screener.Analytics.Books;
using Screener.Contracts;
using Screener.Contracts.Market;
using Screener.Pipeline.Instrumentation;
using Screener.Pipeline.Stages;
using static Screener.Pipeline.Tests.TestEvents;

namespace Screener.Pipeline.Tests.Stages;

public sealed class SymbolBookSpec
{
    private readonly List<(string Symbol, string Reason)> _requests = [];
    private readonly HealthCounters _health = new();

    [Fact]
    public void SymbolBook_must_report_a_chain_break_as_a_gap_and_ask_for_one_snapshot_until_one_arrives()
    {
        var book = New();
        book.OnSnapshot(Snapshot(lastUpdateId: 100));
        Assert.Equal(BookSyncResult.Applied, book.OnDiff(Diff(95, 105, 90), out var none));
        Assert.Null(none);

        Assert.Equal(BookSyncResult.Gap, book.OnDiff(Diff(130, 140, 125), out var gap));
        Assert.Equal(BookSyncResult.Buffered, book.OnDiff(Diff(150, 160, 145), out var buffered));

        Assert.Equal(new Gap("AAAUSDT", At(1), At(1), 0, 105, 125), gap);
        Assert.Null(buffered);
        Assert.Equal([("AAAUSDT", "gap")], _requests);
        Assert.Equal((1, 1), (_health["gap/AAAUSDT"], _health["resync/AAAUSDT"]));
        Assert.Equal(BookSyncState.OutOfSync, book.State);

        Assert.Equal(BookSyncResult.Synced, book.OnSnapshot(Snapshot(lastUpdateId: 155)));
        Assert.Equal(1, _health["resynced/AAAUSDT"]);
        Assert.Equal(BookSyncResult.Gap, book.OnDiff(Diff(170, 180, 175), out _));
        Assert.Equal([("AAAUSDT", "gap"), ("AAAUSDT", "gap")], _requests);
    }

    [Fact]
    public void SymbolBook_must_ask_again_when_a_snapshot_does_not_join_the_buffered_diffs()
    {
        var book = New();
        book.OnDiff(Diff(130, 140, 125), out _);

        Assert.Equal(BookSyncResult.SnapshotRejected, book.OnSnapshot(Snapshot(lastUpdateId: 100)));

        Assert.Equal([("AAAUSDT", "snapshot-rejected")], _requests);
        Assert.Equal(0, _health["resynced/AAAUSDT"]);
        Assert.Equal(BookSyncResult.Synced, book.OnSnapshot(Snapshot(lastUpdateId: 135)));
        Assert.Equal(BookSyncState.Synced, book.State);
        Assert.Equal(1, _health["resynced/AAAUSDT"]);
    }

    private SymbolBook New() => new("AAAUSDT", new Requester(_requests), _health);

    private static DepthSnapshot Snapshot(long lastUpdateId) =>
        new("AAAUSDT", At(0), At(0), 0, lastUpdateId, EquatableArray.Create(new PriceLevel(100m, 1m)), EquatableArray.Create(new PriceLevel(100.1m, 1m)));

    private static DepthDiff Diff(long first, long final, long previous) =>
        new("AAAUSDT", At(1), At(1), 0, first, final, previous, EquatableArray.Create(new PriceLevel(99.9m, 2m)), EquatableArray<PriceLevel>.Empty);

    private sealed class Requester(List<(string, string)> requests) : ISnapshotRequester
    {
        public void RequestSnapshot(string symbol, string reason) => requests.Add((symbol, reason));
    }
}
