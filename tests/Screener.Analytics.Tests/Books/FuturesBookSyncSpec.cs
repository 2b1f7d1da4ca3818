using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Screener.Analytics.Books;
using Screener.Contracts.Market;
using static Screener.Analytics.Tests.Books.Depth;

namespace Screener.Analytics.Tests.Books;

/// <summary>The USDⓈ-M sync rules of PROTOCOL.md §4: on a real recording, and one rule at a time.</summary>
public sealed class FuturesBookSyncSpec
{
    [Fact]
    public void FuturesBookSync_must_rebuild_the_recorded_KSMUSDT_book_exactly()
    {
        var recording = KsmUsdtRecording.Load();
        var expected = recording.Expected;
        var sync = new FuturesBookSync();

        // The recording says the REST snapshot arrived after frame 0: frame 0 is buffered, then the snapshot.
        Assert.Equal(BookSyncResult.Buffered, sync.OnDiff(recording.Frames[0]));
        Assert.Equal(BookSyncResult.Synced, sync.OnSnapshot(recording.Snapshot));
        Assert.Equal(expected.SnapshotLastUpdateId, sync.LastUpdateId); // frame 0 (u < lastUpdateId) was not applied
        Assert.Equal(0, sync.Buffered);

        var dropped = new List<int> { 0 };
        var applied = new List<int>();
        for (var i = 1; i < recording.Frames.Count; i++)
        {
            var result = sync.OnDiff(recording.Frames[i]);
            Assert.True(result is BookSyncResult.Applied or BookSyncResult.Ignored, $"frame {i}: {result}");
            (result == BookSyncResult.Applied ? applied : dropped).Add(i);
        }

        Assert.Equal(expected.DroppedFrameIndexes, dropped);
        Assert.Equal(expected.FirstAppliedFrameIndex, applied[0]);
        Assert.Equal(expected.FramesApplied, applied.Count);
        Assert.Null(expected.ResyncRequiredAtFrameIndex);
        Assert.Equal(BookSyncState.Synced, sync.State);
        Assert.Equal(default, sync.LastGap);
        Assert.Equal(expected.FinalUpdateId, sync.LastUpdateId);
        Assert.Equal(expected.BidLevels, sync.Book.BidLevels);
        Assert.Equal(expected.AskLevels, sync.Book.AskLevels);
        Assert.Equal(expected.Top5Bids, Render(sync.Book.TopBids(5)));
        Assert.Equal(expected.Top5Asks, Render(sync.Book.TopAsks(5)));
        Assert.Equal(expected.Crossed, sync.Book.BestBid!.Value.Price >= sync.Book.BestAsk!.Value.Price);
    }

    [Fact]
    public void FuturesBookSync_must_flag_the_book_and_report_the_gap_when_pu_breaks_the_chain()
    {
        var sync = new FuturesBookSync();
        sync.OnSnapshot(Snapshot(100, bids: [(10m, 1m)], asks: [(11m, 1m)]));
        Assert.Equal(BookSyncResult.Applied, sync.OnDiff(Diff(95, 105, 90, bids: [(10m, 2m)])));
        Assert.Equal(BookSyncResult.Applied, sync.OnDiff(Diff(108, 110, 105)));

        // pu = 115, but the chain is at 110: something between was lost.
        var result = sync.OnDiff(Diff(120, 125, 115, bids: [(10m, 9m)], asks: [(11m, 0m)]));

        Assert.Equal(BookSyncResult.Gap, result);
        Assert.Equal(BookSyncState.OutOfSync, sync.State);
        Assert.Equal((110L, 115L), sync.LastGap);
        Assert.Equal(110, sync.LastUpdateId);
        Assert.Equal(new PriceLevel(10m, 2m), sync.Book.BestBid); // not patched with the unchained diff
        Assert.Equal(new PriceLevel(11m, 1m), sync.Book.BestAsk);
        Assert.Equal(BookSyncResult.Buffered, sync.OnDiff(Diff(126, 130, 125)));
    }

    [Fact]
    public void FuturesBookSync_must_resync_on_a_fresh_snapshot_after_a_gap()
    {
        var sync = new FuturesBookSync();
        sync.OnSnapshot(Snapshot(100, bids: [(10m, 1m)], asks: [(11m, 1m)]));
        sync.OnDiff(Diff(120, 125, 115)); // gap
        sync.OnDiff(Diff(126, 130, 125, bids: [(10.5m, 3m)]));

        var result = sync.OnSnapshot(Snapshot(128, bids: [(10m, 4m)], asks: [(11m, 2m)]));

        Assert.Equal(BookSyncResult.Synced, result);
        Assert.Equal(BookSyncState.Synced, sync.State);
        Assert.Equal(130, sync.LastUpdateId);
        Assert.Equal(0, sync.Buffered);
        Assert.Equal(new PriceLevel[] { new(10.5m, 3m), new(10m, 4m) }, sync.Book.TopBids(5));
        Assert.Equal(BookSyncResult.Applied, sync.OnDiff(Diff(140, 141, 130)));
    }

    [Fact]
    public void FuturesBookSync_must_reject_a_snapshot_older_than_the_buffered_diffs_and_keep_buffering()
    {
        var sync = new FuturesBookSync();
        sync.OnDiff(Diff(200, 210, 190, bids: [(10m, 1m)]));
        sync.OnDiff(Diff(211, 220, 210, bids: [(10m, 2m)]));

        // lastUpdateId 150: the first kept diff has U = 200 > 150 and pu = 190 != 150, so nothing joins it.
        var result = sync.OnSnapshot(Snapshot(150, bids: [(9m, 1m)]));

        Assert.Equal(BookSyncResult.SnapshotRejected, result);
        Assert.NotEqual(BookSyncState.Synced, sync.State);
        Assert.Equal(2, sync.Buffered);
        Assert.Equal(BookSyncResult.Buffered, sync.OnDiff(Diff(221, 230, 220, bids: [(10m, 3m)])));
        Assert.Equal(3, sync.Buffered);

        Assert.Equal(BookSyncResult.Synced, sync.OnSnapshot(Snapshot(215, bids: [(9m, 1m)])));
        Assert.Equal(230, sync.LastUpdateId);
        Assert.Equal(new PriceLevel[] { new(10m, 3m), new(9m, 1m) }, sync.Book.TopBids(5));
    }

    [Fact]
    public void FuturesBookSync_must_accept_a_first_diff_that_continues_the_snapshot_id_when_its_U_is_beyond_it()
    {
        var sync = new FuturesBookSync();
        sync.OnDiff(Diff(305, 310, 300, asks: [(11m, 5m)]));

        var result = sync.OnSnapshot(Snapshot(300, asks: [(11m, 1m)]));

        Assert.Equal(BookSyncResult.Synced, result);
        Assert.Equal(BookSyncState.Synced, sync.State);
        Assert.Equal(310, sync.LastUpdateId);
        Assert.Equal(new PriceLevel(11m, 5m), sync.Book.BestAsk);
    }

    [Fact]
    public void FuturesBookSync_must_ignore_diffs_older_than_the_snapshot_but_apply_one_ending_on_it()
    {
        var sync = new FuturesBookSync();
        sync.OnSnapshot(Snapshot(500, bids: [(10m, 1m)]));

        Assert.Equal(BookSyncResult.Ignored, sync.OnDiff(Diff(480, 490, 470, bids: [(10m, 7m)])));
        Assert.Equal(500, sync.LastUpdateId);
        Assert.Equal(new PriceLevel(10m, 1m), sync.Book.BestBid);

        // Strict rule: u == lastUpdateId is applied (harmless, quantities are absolute).
        Assert.Equal(BookSyncResult.Applied, sync.OnDiff(Diff(495, 500, 490, bids: [(10m, 2m)])));
        Assert.Equal(BookSyncResult.Applied, sync.OnDiff(Diff(501, 505, 500, bids: [(10m, 3m)])));
        Assert.Equal(BookSyncResult.Ignored, sync.OnDiff(Diff(495, 500, 490, bids: [(10m, 2m)]))); // late duplicate
        Assert.Equal(new PriceLevel(10m, 3m), sync.Book.BestBid);
        Assert.Equal(BookSyncState.Synced, sync.State);
    }

    [Fact]
    public void FuturesBookSync_must_drop_the_oldest_buffered_diff_and_count_it_when_the_buffer_overflows()
    {
        var sync = new FuturesBookSync(maxBuffered: 2);
        sync.OnDiff(Diff(10, 20, 5, bids: [(10m, 1m)]));
        sync.OnDiff(Diff(21, 30, 20, bids: [(10m, 2m)]));
        sync.OnDiff(Diff(31, 40, 30, bids: [(10m, 3m)]));

        Assert.Equal(2, sync.Buffered);
        Assert.Equal(1, sync.BufferOverflows);

        // A snapshot inside the second diff joins the two that were kept, so the oldest is the one that went.
        Assert.Equal(BookSyncResult.Synced, sync.OnSnapshot(Snapshot(25)));
        Assert.Equal(40, sync.LastUpdateId);
        Assert.Equal(new PriceLevel(10m, 3m), sync.Book.BestBid);
        Assert.Throws<ArgumentOutOfRangeException>(() => new FuturesBookSync(maxBuffered: 0));
    }

    /// <summary>
    /// Lost, duplicated, swapped and late events and snapshots taken before, inside or after the chain's
    /// position: after every step the sync is either not Synced, or its book is exactly the book the exchange
    /// had at <see cref="FuturesBookSync.LastUpdateId"/>. Never silently wrong. A clean tail and a fresh
    /// snapshot always bring it back.
    /// </summary>
    [Property(MaxTest = 500)]
    public Property FuturesBookSync_must_never_be_Synced_with_a_book_the_exchange_never_had() =>
        Prop.ForAll(DepthStreamCase.Arbitrary(), Replay);

    private static void Replay(DepthStreamCase run)
    {
        var stream = new DepthStream(run);
        var events = stream.Events;
        var sync = new FuturesBookSync(maxBuffered: 8); // small, so overflow is exercised too
        var trace = new List<string>();
        var cursor = 0;

        void Check()
        {
            if (sync.State != BookSyncState.Synced) return;
            var truth = stream.TruthAt(sync.LastUpdateId);
            var same = truth is not null
                && truth.Bids.SequenceEqual(sync.Book.TopBids(int.MaxValue))
                && truth.Asks.SequenceEqual(sync.Book.TopAsks(int.MaxValue));
            Assert.True(same, $"Synced at {sync.LastUpdateId} with a book the exchange never had there. Trace: {string.Join(" ", trace)}");
        }

        void Feed(int i)
        {
            trace.Add($"#{i}:{sync.OnDiff(events[i])}");
            Check();
        }

        void Snap(int j, SnapshotPoint point)
        {
            var snapshot = stream.SnapshotAround(Math.Clamp(j, 0, events.Count - 1), point);
            trace.Add($"snap@{snapshot.LastUpdateId}:{sync.OnSnapshot(snapshot)}");
            Check();
        }

        foreach (var step in run.Script)
        {
            if (cursor >= events.Count) break;
            switch (step.Kind)
            {
                case DeliveryStep.Action.Deliver: Feed(cursor++); break;
                case DeliveryStep.Action.Skip: cursor++; break;
                case DeliveryStep.Action.Duplicate: Feed(cursor); Feed(cursor++); break;
                case DeliveryStep.Action.Swap when cursor + 1 < events.Count: Feed(cursor + 1); Feed(cursor); cursor += 2; break;
                case DeliveryStep.Action.Swap: Feed(cursor++); break;
                case DeliveryStep.Action.ReplayOld when cursor >= step.Offset: Feed(cursor - step.Offset); break;
                case DeliveryStep.Action.ReplayOld: break;
                case DeliveryStep.Action.Snapshot: Snap(cursor - 1 + step.Offset, step.Point); break;
            }
        }
        while (cursor < events.Count) Feed(cursor++);

        Snap(events.Count - 1, SnapshotPoint.After);
        Assert.Equal(BookSyncState.Synced, sync.State);
    }
}
