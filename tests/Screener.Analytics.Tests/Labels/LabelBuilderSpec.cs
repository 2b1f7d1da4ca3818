using Screener.Analytics.Labels;
using Screener.Analytics.Scoring;
using static Screener.Analytics.Tests.Labels.LabelPaths;

namespace Screener.Analytics.Tests.Labels;

/// <summary>
/// Labels on scripted price paths, computed by hand. Taker: fees 5 + 5 = 10 bps, enters at the buy (sell) VWAP; maker:
/// fees 2 + 5 = 7 bps, enters at the bid (ask). Both exit at the sell (buy) VWAP of the exit tick. All bps of the mid
/// at the labelled tick.
/// </summary>
public sealed class LabelBuilderSpec
{
    /// <summary>Std path, observations every 10 s: half spread 0.01 and walk 0.01 beyond the touch (1 + 1 bps at mid 100).</summary>
    private static readonly LabelObservation[] UpPath =
    [
        Std(0, 100.00), Std(10, 100.05), Std(20, 100.20), Std(30, 100.10), Std(40, 100.40), Std(50, 100.30), Std(60, 100.30),
    ];

    [Fact]
    public void LabelBuilder_must_label_an_up_move_long_for_taker_and_maker_over_two_horizons()
    {
        var labels = Builder(30, 60).Build(UpPath);

        // t = 0, h = 30 s: W = {10, 20, 30}, mids 100.05 / 100.20 / 100.10, sell VWAPs 100.03 / 100.18 / 100.08.
        // long move = (100.20 − 100) / 100 · 1e4 = 20; exit = (max mid 100.20 − max sell 100.18) = 0.02 → 2 bps.
        // taker: cost = 10 + entry (100.02 − 100 → 2) + exit 2 = 14, net = 20 − 14 = 6.
        //   (short: min mid 100.05 → move −5, cost 10 + 2 + (min buy 100.07 − 100.05 → 2) = 14, net −19: long wins.)
        // maker: cost = 7 + entry (bid 99.99 − 100 → −1) + exit 2 = 8, net = 12.
        Expect(labels.Row("taker", 30, 0), LabelSide.Long, move: 20, cost: 14, net: 6, inPlay: true);
        Expect(labels.Row("maker", 30, 0), LabelSide.Long, move: 20, cost: 8, net: 12, inPlay: true);

        // t = 0, h = 60 s: W = {10 .. 60}, max mid 100.40 (t = 40), max sell 100.38 → move 40, exit 2.
        Expect(labels.Row("taker", 60, 0), LabelSide.Long, move: 40, cost: 14, net: 26, inPlay: true);
        Expect(labels.Row("maker", 60, 0), LabelSide.Long, move: 40, cost: 8, net: 32, inPlay: true);

        // t = 10 (mid 100.05), h = 30 s: W = {20, 30, 40}, max mid 100.40, max sell 100.38; bps of 100.05 now.
        // move = 0.35 / 100.05 · 1e4 = 34.98251; taker entry = exit = 0.02 / 100.05 · 1e4 = 1.99900,
        // cost = 10 + 400 / 100.05 = 13.99800, net = 3100 / 100.05 − 10 = 20.98451.
        // maker entry = −0.01 / 100.05 · 1e4: cost = 7 + 100 / 100.05 = 7.99950, net = 3400 / 100.05 − 7 = 26.98301.
        Expect(labels.Row("taker", 30, 1), LabelSide.Long, move: 3500 / 100.05, cost: 10 + 400 / 100.05, net: 3100 / 100.05 - 10, inPlay: true);
        Expect(labels.Row("maker", 30, 1), LabelSide.Long, move: 3500 / 100.05, cost: 7 + 100 / 100.05, net: 3400 / 100.05 - 7, inPlay: true);
    }

    [Fact]
    public void LabelBuilder_must_label_a_down_move_short_with_the_exit_priced_on_the_book_of_the_exit_tick()
    {
        // The spread widens at the trough (t = 20), so the best executable exit (t = 30) is not the lowest mid.
        LabelObservation[] path =
        [
            Obs(0, bid: 99.99, ask: 100.01, buyVwap: 100.02, sellVwap: 99.98), //  mid 100
            Obs(10, bid: 99.80, ask: 99.84, buyVwap: 99.86, sellVwap: 99.78), //   mid 99.82
            Obs(20, bid: 99.60, ask: 99.70, buyVwap: 99.75, sellVwap: 99.55), //   mid 99.65
            Obs(30, bid: 99.69, ask: 99.71, buyVwap: 99.72, sellVwap: 99.68), //   mid 99.70
        ];

        var labels = Builder(10, 20, 30).Build(path);

        // Short at t = 0: taker enters at the sell VWAP 99.98 (100 − 99.98 → 2 bps), maker at the ask 100.01 (−1 bps).
        // h = 10: W = {10}: move = 100 − 99.82 → 18; exit = min buy 99.86 − min mid 99.82 → 4.
        //   taker cost = 10 + 2 + 4 = 16, net 2; maker cost = 7 − 1 + 4 = 10, net 8.
        //   (long: move −18, taker cost 10 + 2 + (99.82 − 99.78 → 4) = 16, net −34.)
        Expect(labels.Row("taker", 10, 0), LabelSide.Short, move: 18, cost: 16, net: 2, inPlay: true);
        Expect(labels.Row("maker", 10, 0), LabelSide.Short, move: 18, cost: 10, net: 8, inPlay: true);
        // h = 20: W = {10, 20}: move = 100 − 99.65 → 35; exit = min buy 99.75 − 99.65 → 10 (the wide trough).
        //   taker cost 22, net 13 (= (99.98 − 99.75) · 100 − 10); maker cost 16, net 19.
        Expect(labels.Row("taker", 20, 0), LabelSide.Short, move: 35, cost: 22, net: 13, inPlay: true);
        Expect(labels.Row("maker", 20, 0), LabelSide.Short, move: 35, cost: 16, net: 19, inPlay: true);
        // h = 30: W = {10, 20, 30}: move still 35; min buy 99.72 (t = 30) → exit 99.72 − 99.65 → 7.
        //   taker cost 19, net 16 (= (99.98 − 99.72) · 100 − 10); maker cost 13, net 22.
        Expect(labels.Row("taker", 30, 0), LabelSide.Short, move: 35, cost: 19, net: 16, inPlay: true);
        Expect(labels.Row("maker", 30, 0), LabelSide.Short, move: 35, cost: 13, net: 22, inPlay: true);
    }

    [Fact]
    public void LabelBuilder_must_not_put_in_play_a_move_below_its_cost()
    {
        // Mid 200 with half 0.02: half spread 1 bps, walk 1 bps. The long move of 12 bps beats the maker's 8 bps of
        // cost but not the taker's 14.
        LabelObservation[] modest = [Std(0, 200, 0.02), Std(10, 200.24, 0.02), Std(20, 200.12, 0.02)];

        var labels = Builder(20).Build(modest);

        // W = {10, 20}: long move = 0.24 / 200 · 1e4 = 12; exit = 200.24 − max sell 200.20 = 0.04 → 2 bps.
        // taker: 10 + (200.04 − 200 → 2) + 2 = 14, net −2. maker: 7 + (199.98 − 200 → −1) + 2 = 8, net 4.
        // (short: min mid 200.12 → move −6, nets −20 and −14.)
        Expect(labels.Row("taker", 20, 0), LabelSide.Long, move: 12, cost: 14, net: -2, inPlay: false);
        Expect(labels.Row("maker", 20, 0), LabelSide.Long, move: 12, cost: 8, net: 4, inPlay: true);

        LabelObservation[] flat = [Std(0, 100), Std(10, 100.03), Std(20, 99.98)];
        var quiet = Builder(20).Build(flat);

        // long move 3 (100.03), short move 2 (99.98): taker nets 3 − 14 = −11 and 2 − 14 = −12; maker 3 − 8 = −5, 2 − 8 = −6.
        Expect(quiet.Row("taker", 20, 0), LabelSide.Long, move: 3, cost: 14, net: -11, inPlay: false);
        Expect(quiet.Row("maker", 20, 0), LabelSide.Long, move: 3, cost: 8, net: -5, inPlay: false);
    }

    [Fact]
    public void LabelBuilder_must_include_the_observation_at_t_plus_h_and_nothing_after_it()
    {
        LabelObservation[] path = [Std(0, 100), Std(10, 100.10), Std(30, 100.50), Std(40, 100.00)];

        var labels = Builder(29, 30).Build(path);

        // h = 30: the peak at exactly t + 30 s is in the window: move 50, taker cost 14, net 36.
        Expect(labels.Row("taker", 30, 0), LabelSide.Long, move: 50, cost: 14, net: 36, inPlay: true);
        // h = 29: W = {10} only: move 10, net −4 (short: move −10, net −24).
        Expect(labels.Row("taker", 29, 0), LabelSide.Long, move: 10, cost: 14, net: -4, inPlay: false);
    }

    [Fact]
    public void LabelBuilder_must_leave_rows_incomplete_when_the_horizon_passes_the_end_of_data()
    {
        var labels = Builder(30, 60).Build(UpPath);

        foreach (var profile in new[] { "taker", "maker" })
        {
            // Data end at 60 s: h = 30 covers t ≤ 30 (t = 30 needs exactly the 60-s observation); h = 60 only t = 0.
            for (var i = 0; i <= 3; i++) Assert.True(labels.Row(profile, 30, i).Complete, $"{profile} 30 s row {i}");
            for (var i = 4; i <= 6; i++) ExpectIncomplete(labels.Row(profile, 30, i));
            Assert.True(labels.Row(profile, 60, 0).Complete);
            for (var i = 1; i <= 6; i++) ExpectIncomplete(labels.Row(profile, 60, i));
        }
        // Incomplete rows keep their time, so they can be joined to their snapshot and dropped.
        Assert.Equal(At(60), labels.Row("taker", 30, 6).Time);
    }

    [Fact]
    public void LabelBuilder_must_leave_a_row_incomplete_when_nothing_is_observed_within_its_horizon()
    {
        // The book is unobservable between 10 s and 100 s (out of sync, say): t = 10 has no exit within 30 s.
        LabelObservation[] path = [Std(0, 100), Std(10, 100.10), Std(100, 100.20), Std(110, 100.30)];

        var labels = Builder(30).Build(path);

        Assert.True(labels.Row("taker", 30, 0).Complete);
        ExpectIncomplete(labels.Row("taker", 30, 1));
        ExpectIncomplete(labels.Row("taker", 30, 3));
    }

    [Fact]
    public void LabelBuilder_must_flag_thin_rows_whose_entry_or_window_held_a_thin_fill_of_their_own_profile()
    {
        // Every 10 s from 0 to 60; at t = 30 the maker's fill was thin (a larger maker notional, say), the taker's not.
        var path = Enumerable.Range(0, 7).Select(k => Std(10 * k, 100 + 0.01 * k)).ToArray();
        path[3] = path[3] with { Fills = new[] { path[3].Fills[0], path[3].Fills[1] with { Thin = true } } };

        var labels = Builder(20).Build(path);

        // h = 20: row 0 reads {0; 10, 20}, row 1 {10; 20, 30}, row 2 {20; 30, 40}, row 3 {30; 40, 50}, row 4 {40; 50, 60}.
        Assert.Equal([false, true, true, true, false], Enumerable.Range(0, 5).Select(i => labels.Row("maker", 20, i).Thin));
        Assert.All(Enumerable.Range(0, 5), i => Assert.False(labels.Row("taker", 20, i).Thin));
        Assert.All(Enumerable.Range(0, 5), i => Assert.True(labels.Row("maker", 20, i).Complete));
    }

    [Fact]
    public void LabelBuilder_must_give_one_series_per_profile_and_horizon_profile_major()
    {
        var builder = LabelBuilder.From(ScoringSettings.Default);

        var labels = builder.Build(UpPath);

        Assert.Equal(
            ["taker 30", "taker 120", "taker 300", "maker 30", "maker 120", "maker 300"],
            labels.Select(s => $"{s.Profile} {s.Horizon.TotalSeconds}"));
        Assert.All(labels, s => Assert.Equal(UpPath.Select(o => o.Time), s.Rows.Select(r => r.Time)));
        Assert.All(builder.Build([]), s => Assert.Empty(s.Rows));
    }

    [Fact]
    public void LabelBuilder_must_refuse_observations_it_cannot_label()
    {
        var builder = Builder(30);

        Assert.Throws<ArgumentException>(() => builder.Build([Std(10, 100), Std(0, 100)]));
        Assert.Throws<ArgumentException>(() => builder.Build([Std(0, 100), Std(0, 100.1)]));
        Assert.Throws<ArgumentException>(() => builder.Build([Obs(0, bid: 100.02, ask: 100.00, buyVwap: 100.03, sellVwap: 99.99)]));
        Assert.Throws<ArgumentException>(() => builder.Build([Obs(0, bid: 0, ask: 0.01, buyVwap: 0.02, sellVwap: 0.01)]));
        Assert.Throws<ArgumentException>(() => builder.Build([Obs(0, bid: 99.99, ask: 100.01, buyVwap: double.NaN, sellVwap: 99.98)]));
        Assert.Throws<ArgumentException>(() => builder.Build([Std(0, 100) with { Fills = new[] { new BookFill(100.02, 99.98, false) } }]));
        Assert.ThrowsAny<ArgumentException>(() => new LabelBuilder(Profiles, [TimeSpan.Zero]));
        Assert.Throws<ArgumentException>(() => new LabelBuilder([ExecutionProfile.Taker with { NotionalQuote = 0 }], [TimeSpan.FromSeconds(30)]));
    }
}
