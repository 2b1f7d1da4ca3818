using Screener.Analytics.Scoring;
using Screener.Contracts;
using Screener.Offline.Backtest;
using Screener.Offline.Validate;

namespace Screener.Offline.Tests.Backtest;

/// <summary>Episode capture by hand: board spans against precursor windows, score ranks at onset, entries inside episodes.</summary>
public sealed class EpisodeCaptureSpec
{
    private const long S = TimeSpan.TicksPerSecond;
    private static readonly long T0 = new DateTime(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc).Ticks;

    [Fact]
    public void EpisodeCapture_must_count_an_episode_whose_symbol_was_on_the_board_before_onset_with_its_lead()
    {
        // AAA: precursors 400..460 s, onset 460 s; on the board from 430 s: a 30 s lead.
        var capture = Capture(Episode("AAA", 400, 460, 500));
        Rounds(capture, 0, 600, t => Batch(t, ("AAA", t >= 430 ? 50 : 1), ("BBB", 5), ("CCC", 3)));
        capture.OnRankEvent(Event(RankEventKind.SymbolEnter, "AAA", 430));
        capture.OnRankEvent(Event(RankEventKind.SymbolExit, "AAA", 520));

        var r = capture.Result("model");

        Assert.Equal((1, 1, 30.0), (r.Episodes, r.OnBoardBeforeOnset, r.MedianLeadSeconds));
        Assert.Equal(1, r.TopKAtOnset);
        Assert.Equal(0, r.MeanRankPercentileAtOnset);
        Assert.Equal((1, 1), (r.Entries, r.EntriesDuringEpisodes));
    }

    [Fact]
    public void EpisodeCapture_must_miss_an_episode_whose_symbol_entered_only_after_onset_and_rank_it_by_score_before_it()
    {
        var capture = Capture(Episode("AAA", 400, 460, 500));
        Rounds(capture, 0, 600, t => Batch(t, ("AAA", t >= 470 ? 50 : 1), ("BBB", 5), ("CCC", 3)));
        capture.OnRankEvent(Event(RankEventKind.SymbolEnter, "AAA", 470));
        capture.OnRankEvent(Event(RankEventKind.SymbolEnter, "BBB", 100));

        var r = capture.Result("model");

        Assert.Equal(0, r.OnBoardBeforeOnset);
        Assert.True(double.IsNaN(r.MedianLeadSeconds));
        Assert.Equal(0, r.TopKAtOnset);       // third of three with K = 1
        Assert.Equal(1, r.MeanRankPercentileAtOnset);
        Assert.Equal((2, 1), (r.Entries, r.EntriesDuringEpisodes));
    }

    [Fact]
    public void EpisodeCapture_must_rank_a_gated_symbol_last_and_judge_only_fired_episodes_after_warm_up_inside_the_session()
    {
        var capture = Capture(
            Episode("AAA", 400, 460, 500),
            Episode("BBB", 400, 460, 500, fired: false),
            Episode("CCC", 100, 160, 200),   // precursors inside the 5-minute warm-up
            Episode("BBB", 590, 650, 700));  // onset after the last round
        Rounds(capture, 0, 600, t => Batch(t, ("AAA", 99, true), ("BBB", 5, false), ("CCC", 3, false)));

        var r = capture.Result("model");

        Assert.Equal(1, r.Episodes);
        Assert.Equal(0, r.TopKAtOnset);
        Assert.Equal(1, r.MeanRankPercentileAtOnset);
    }

    private static EpisodeCapture Capture(params PlantedEpisode[] episodes) =>
        new(episodes, topK: 1, ScoringSettings.Default with { ReferenceHorizonSeconds = 30 }, TimeSpan.FromMinutes(5));

    private static PlantedEpisode Episode(string symbol, int precursor, int onset, int end, bool fired = true) =>
        new(symbol, T0 + precursor * S, T0 + onset * S, T0 + end * S, 0.5, fired);

    private static void Rounds(EpisodeCapture capture, int from, int to, Func<int, PredictionBatch> batch)
    {
        for (var t = from; t <= to; t++) capture.OnPredictions(batch(t));
    }

    private static PredictionBatch Batch(int t, params (string Symbol, double Score)[] scores) =>
        Batch(t, [.. scores.Select(s => (s.Symbol, s.Score, false))]);

    private static PredictionBatch Batch(int t, params (string Symbol, double Score, bool Gated)[] scores) =>
        new(T0 + t * S, scores.Select(s => new PredictionSnapshot(s.Symbol, T0 + t * S, "model",
            EquatableArray.Create(new HeadPrediction("taker", 30, 0.5, s.Score + 10, 10, s.Score)), "calm",
            EquatableArray<Attribution>.Empty, s.Gated ? EquatableArray.Create("DATA_ISSUE:STALE") : EquatableArray<string>.Empty)).ToArray());

    private static RankEvent Event(RankEventKind kind, string symbol, int t) =>
        new(T0 + t * S, kind, symbol, kind == RankEventKind.SymbolEnter ? 1 : 0, 1, "taker", 30, "model", EquatableArray<string>.Empty, "IN PLAY");
}
