using Screener.Analytics.Features;
using Screener.Analytics.Scoring;
using Screener.Contracts;
using Screener.Contracts.Market;
using Screener.Pipeline.Instrumentation;
using Screener.Pipeline.Stages;
using static Screener.Pipeline.Tests.TestEvents;

namespace Screener.Pipeline.Tests.Stages;

public sealed class SymbolStateSpec
{
    private readonly RecordingRequester _requests = new();
    private readonly ScreenerTelemetry _telemetry = new();

    [Fact]
    public void SymbolState_must_emit_a_gap_flag_the_book_and_request_one_snapshot_for_this_symbol_only()
    {
        var state = New();
        state.On(Snapshot(lastUpdateId: 100));
        state.On(Diff(first: 95, final: 105, previous: 90));
        state.On(Diff(first: 110, final: 120, previous: 105));

        state.On(Diff(first: 130, final: 140, previous: 125));
        state.On(Diff(first: 141, final: 150, previous: 140));
        var output = state.On(Tick(500))!;

        var gap = Assert.IsType<Gap>(Assert.Single(output.Health));
        Assert.Equal((120L, 125L), (gap.ExpectedPreviousId, gap.ActualPreviousId));
        Assert.True(output.Features.Quality.HasFlag(DataQuality.BookOutOfSync));
        Assert.Contains(Gates.Gap, output.Prediction.Gates);
        Assert.Contains(Gates.BookOutOfSync, output.Prediction.Gates);
        Assert.Equal([("AAAUSDT", "gap")], _requests.Requests);
        Assert.Equal(1, _telemetry.Health["gap/AAAUSDT"]);
    }

    [Fact]
    public void SymbolState_must_resync_from_the_requested_snapshot_and_clear_the_flag()
    {
        var state = New();
        state.On(Snapshot(lastUpdateId: 100));
        state.On(Diff(first: 95, final: 105, previous: 90));
        state.On(Diff(first: 130, final: 140, previous: 125));
        state.On(Diff(first: 141, final: 150, previous: 140));

        state.On(Snapshot(lastUpdateId: 145));
        state.On(Diff(first: 151, final: 160, previous: 150));

        Assert.Equal(Analytics.Books.BookSyncState.Synced, state.BookState);
        Assert.False(state.On(Tick(500))!.Features.Quality.HasFlag(DataQuality.BookOutOfSync));
        Assert.Single(_requests.Requests);
    }

    [Fact]
    public void SymbolState_must_count_a_trade_or_book_top_repeated_across_a_connection_handover_once()
    {
        var once = New();
        var twice = New();
        foreach (var e in Script()) once.On(e);
        foreach (var e in Script().Concat(Script())) twice.On(e);

        Assert.Equal(once.On(Tick(1_000))!.Features.Values, twice.On(Tick(1_000))!.Features.Values);
    }

    [Fact]
    public void SymbolState_must_gate_a_symbol_while_one_of_its_streams_is_stale_and_clear_when_data_returns()
    {
        var state = New();
        state.On(Snapshot(lastUpdateId: 100));
        foreach (var e in Script()) state.On(e);
        state.On(new Stale("AAAUSDT", At(900), At(900), 0, StreamKinds.Trade, 40));

        var stale = state.On(Tick(1_000))!;
        Assert.True(stale.Features.Quality.HasFlag(DataQuality.Stale));
        Assert.Contains(Gates.Stale, stale.Prediction.Gates);
        Assert.IsType<Stale>(Assert.Single(stale.Health));

        state.On(new Trade("AAAUSDT", At(1_100), At(1_100), 0, 99, 100m, 1m, Side.Buy, At(1_100)));
        Assert.False(state.On(Tick(1_250))!.Features.Quality.HasFlag(DataQuality.Stale));
    }

    private SymbolState New()
    {
        var settings = Settings();
        var spec = MarketFeatures.Spec;
        return new SymbolState("AAAUSDT", settings, new GraphServices(new CanonicalEventDecoder(), new BaselineScorer(settings.Scoring), spec, _telemetry, _requests));
    }

    [Fact]
    public void SymbolState_must_count_applied_book_diffs_as_activity_for_a_symbol_without_book_tickers()
    {
        // Settings' stale-after is 10 s. The only data is the depth stream: a snapshot, then diffs at 1 ms and 9 s.
        var state = New();
        state.On(Snapshot(lastUpdateId: 100));
        state.On(Diff(first: 95, final: 105, previous: 90));
        state.On(Diff(first: 106, final: 110, previous: 105) with { TsEvent = At(9_000) });

        var fresh = state.On(Tick(10_000))!.Features;   // 1 s after the last diff
        var quiet = state.On(Tick(19_500))!.Features;   // 10.5 s after it

        Assert.False(fresh.Quality.HasFlag(DataQuality.Stale), fresh.Quality.ToString());
        Assert.False(fresh.Quality.HasFlag(DataQuality.BookOutOfSync));
        Assert.NotEqual(0f, fresh.Values[MarketFeatures.SpreadBps]);   // best prices from the book: 99.9/100.1
        Assert.True(quiet.Quality.HasFlag(DataQuality.Stale), quiet.Quality.ToString());
    }

    private static IEnumerable<MarketEvent> Script() =>
    [
        Top("AAAUSDT", 10, 100m, 100.1m, seq: 1), Buy("AAAUSDT", 20, 100.1m, 2m, seq: 2),
        Top("AAAUSDT", 300, 100.2m, 100.3m, seq: 3), Sell("AAAUSDT", 310, 100.2m, 1m, seq: 4),
    ];

    private static Tick Tick(double ms) => new("AAAUSDT", At(ms), 1, MarketContext.Empty(At(ms)));

    private static DepthSnapshot Snapshot(long lastUpdateId) =>
        new("AAAUSDT", At(0), At(0), 0, lastUpdateId, EquatableArray.Create(new PriceLevel(100m, 1m)), EquatableArray.Create(new PriceLevel(100.1m, 1m)));

    private static DepthDiff Diff(long first, long final, long previous) =>
        new("AAAUSDT", At(1), At(1), 0, first, final, previous, EquatableArray.Create(new PriceLevel(99.9m, 2m)), EquatableArray<PriceLevel>.Empty);

    private sealed class RecordingRequester : ISnapshotRequester
    {
        public List<(string, string)> Requests { get; } = [];

        public void RequestSnapshot(string symbol, string reason) => Requests.Add((symbol, reason));
    }
}
