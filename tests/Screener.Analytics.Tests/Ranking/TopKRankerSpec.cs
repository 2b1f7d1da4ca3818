using Screener.Analytics.Ranking;
using Screener.Contracts;
using static Screener.Analytics.Tests.Ranking.Candidates;

namespace Screener.Analytics.Tests.Ranking;

/// <summary>Top-K with hysteresis, one rule at a time: what a user sees enter, stay, leave and alert.</summary>
public sealed class TopKRankerSpec
{
    private const RankEventKind Enter = RankEventKind.SymbolEnter;
    private const RankEventKind Exit = RankEventKind.SymbolExit;

    private static readonly RankingSettings Settings = new(
        TopK: 2, EnterScore: 0, ExitScore: -2, MinDwellRounds: 3, ReplaceMargin: 2, AlertScore: 10, AlertCooldownRounds: 4);

    [Fact]
    public void TopKRanker_must_enter_a_candidate_at_or_above_the_enter_score()
    {
        var ranker = new TopKRanker(Settings);

        var outcome = ranker.Rank(1, Round(Clear("AAA", 0.0), Clear("BBB", -0.01)));

        var enter = Assert.Single(outcome.Events);
        Assert.Equal((RankEventKind.SymbolEnter, "AAA", 1, "IN PLAY"), (enter.Kind, enter.Symbol, enter.Rank, enter.StatusLabel));
        Assert.Equal(new[] { "SCORE_ABOVE_ENTER", "VOL_SURGE" }, enter.ReasonCodes);
        Assert.Equal((0.0, "taker", 30, Model), (enter.Score, enter.Profile, enter.HorizonSeconds, enter.ModelVersion));
        Assert.Equal(new[] { "AAA" }, ranker.Members);
    }

    [Fact]
    public void TopKRanker_must_keep_a_member_whose_score_stays_inside_the_hysteresis_band()
    {
        var ranker = new TopKRanker(Settings);
        ranker.Rank(1, Round(Clear("AAA", 1.0)));

        for (var round = 2; round <= 12; round++)
        {
            var outcome = ranker.Rank(round, Round(Clear("AAA", round % 2 == 0 ? -1.99 : -2.0)));
            Assert.Empty(outcome.Events);
            Assert.Equal("AAA", Assert.Single(outcome.Board.Entries).Symbol);
        }
    }

    [Fact]
    public void TopKRanker_must_exit_below_the_exit_score_only_after_the_minimum_dwell()
    {
        var ranker = new TopKRanker(Settings);
        ranker.Rank(1, Round(Clear("AAA", 1.0)));

        Assert.Empty(ranker.Rank(2, Round(Clear("AAA", -5))).Events);
        Assert.Empty(ranker.Rank(3, Round(Clear("AAA", -5))).Events);
        var exit = Assert.Single(ranker.Rank(4, Round(Clear("AAA", -5))).Events);

        Assert.Equal((RankEventKind.SymbolExit, "AAA", 0, "COOLING"), (exit.Kind, exit.Symbol, exit.Rank, exit.StatusLabel));
        Assert.Equal(new[] { "SCORE_BELOW_EXIT" }, exit.ReasonCodes);
        Assert.Equal(-5, exit.Score);
        Assert.Empty(ranker.Members);
    }

    [Fact]
    public void TopKRanker_must_replace_the_weakest_member_only_with_the_margin_and_after_its_dwell()
    {
        var ranker = new TopKRanker(Settings);
        ranker.Rank(1, Round(Clear("AAA", 5), Clear("BBB", 3)));

        Assert.Empty(ranker.Rank(2, Round(Clear("AAA", 5), Clear("BBB", 3), Clear("CCC", 6))).Events);    // BBB dwell 1
        Assert.Empty(ranker.Rank(3, Round(Clear("AAA", 5), Clear("BBB", 3), Clear("CCC", 6))).Events);    // BBB dwell 2
        Assert.Empty(ranker.Rank(4, Round(Clear("AAA", 5), Clear("BBB", 3), Clear("CCC", 4.99))).Events); // margin: needs 5
        var events = ranker.Rank(5, Round(Clear("AAA", 5), Clear("BBB", 3), Clear("CCC", 5.0))).Events;

        Assert.Equal(
            new[] { (RankEventKind.SymbolExit, "BBB", "REPLACED"), (RankEventKind.SymbolEnter, "CCC", "SCORE_ABOVE_ENTER") },
            events.Select(e => (e.Kind, e.Symbol, e.ReasonCodes[0])));
        Assert.Equal(new[] { "AAA", "CCC" }, ranker.Members.Order());
    }

    [Fact]
    public void TopKRanker_must_replace_the_last_member_on_the_board_when_the_weakest_are_tied()
    {
        var ranker = new TopKRanker(Settings with { MinDwellRounds = 0 });
        ranker.Rank(1, Round(Clear("BBB", 1), Clear("AAA", 1)));

        var events = ranker.Rank(2, Round(Clear("AAA", 1), Clear("BBB", 1), Clear("CCC", 3))).Events;

        Assert.Equal(("BBB", "REPLACED"), (events[0].Symbol, events[0].ReasonCodes[0])); // board: AAA #1, BBB #2
    }

    [Fact]
    public void TopKRanker_must_exit_a_gated_member_at_once_labelled_DATA_ISSUE_with_the_gate_as_reason()
    {
        var ranker = new TopKRanker(Settings);
        ranker.Rank(1, Round(Clear("AAA", 5)));

        var exit = Assert.Single(ranker.Rank(2, Round(Gated("AAA", 5))).Events); // dwell 1 < 3 does not protect bad data

        Assert.Equal((RankEventKind.SymbolExit, "AAA", "DATA ISSUE"), (exit.Kind, exit.Symbol, exit.StatusLabel));
        Assert.Equal(new[] { "DATA_ISSUE" }, exit.ReasonCodes);
        Assert.Empty(ranker.Members);
    }

    [Fact]
    public void TopKRanker_must_never_enter_a_gated_candidate_while_a_lower_ungated_one_can()
    {
        var ranker = new TopKRanker(Settings with { TopK = 1 });

        for (var round = 1; round <= 8; round++)
        {
            var outcome = ranker.Rank(round, Round(Gated("HOT", 50), Clear("LOW", 1)));
            Assert.DoesNotContain(outcome.Events, e => e.Symbol == "HOT");
            Assert.Equal("LOW", Assert.Single(outcome.Board.Entries).Symbol);
            Assert.Equal(2, outcome.Board.Candidates);
        }
    }

    [Fact]
    public void TopKRanker_must_exit_a_member_missing_from_the_round_with_NO_DATA()
    {
        var ranker = new TopKRanker(Settings);
        ranker.Rank(1, Round(Clear("AAA", 5), Clear("BBB", 4)));

        var exit = Assert.Single(ranker.Rank(2, Round(Clear("BBB", 4))).Events);

        Assert.Equal((RankEventKind.SymbolExit, "AAA", 0), (exit.Kind, exit.Symbol, exit.Rank));
        Assert.Equal(new[] { "NO_DATA" }, exit.ReasonCodes);
    }

    [Fact]
    public void TopKRanker_must_alert_at_the_alert_score_and_then_hold_off_for_the_cooldown()
    {
        var ranker = new TopKRanker(Settings);

        var first = ranker.Rank(1, Round(Clear("AAA", 10), Clear("BBB", 9.99)));
        var alert = Assert.Single(first.Events, e => e.Kind == RankEventKind.Alert);
        Assert.Equal(("AAA", 1, "HOT", "SCORE_ABOVE_ALERT"), (alert.Symbol, alert.Rank, alert.StatusLabel, alert.ReasonCodes[0]));
        Assert.Equal("HOT", first.Board.Entries[0].Status);

        for (var round = 2; round <= 4; round++)
            Assert.DoesNotContain(ranker.Rank(round, Round(Clear("AAA", 12), Clear("BBB", 9.99))).Events, e => e.Kind == RankEventKind.Alert);

        var again = Assert.Single(ranker.Rank(5, Round(Clear("AAA", 12), Clear("BBB", 9.99))).Events);
        Assert.Equal((RankEventKind.Alert, "AAA"), (again.Kind, again.Symbol));
    }

    [Fact]
    public void TopKRanker_must_rank_members_1_to_n_in_board_order()
    {
        var ranker = new TopKRanker(Settings with { TopK = 3 });

        var outcome = ranker.Rank(1, Round(Clear("AAA", 3), Clear("BBB", 7), Clear("CCC", 5), Clear("DDD", -1)));

        Assert.Equal(new[] { ("BBB", 1), ("CCC", 2), ("AAA", 3) }, outcome.Board.Entries.Select(e => (e.Symbol, e.Rank)));
        Assert.Equal(new[] { ("BBB", 1), ("CCC", 2), ("AAA", 3) }, outcome.Events.Select(e => (e.Symbol, e.Rank)));
        Assert.Equal(4, outcome.Board.Candidates);
    }

    [Fact]
    public void TopKRanker_must_break_score_ties_by_symbol_whatever_the_input_order()
    {
        var forward = new TopKRanker(Settings).Rank(1, Round(Clear("AAA", 1), Clear("BBB", 1), Clear("CCC", 1)));
        var backward = new TopKRanker(Settings).Rank(1, Round(Clear("CCC", 1), Clear("BBB", 1), Clear("AAA", 1)));

        Assert.Equal(new[] { ("AAA", 1), ("BBB", 2) }, forward.Board.Entries.Select(e => (e.Symbol, e.Rank)));
        Assert.Equal(forward.Events, backward.Events);
        Assert.Equal(forward.Board, backward.Board);
    }

    [Fact]
    public void TopKRanker_must_stay_consistent_when_a_new_entrant_is_challenged_in_the_same_round_with_zero_dwell()
    {
        // MinDwellRounds 0 and ReplaceMargin 0 pass Validate. CCC replaces AAA, then DDD (tied with CCC) may
        // challenge CCC, which entered this very round.
        var ranker = new TopKRanker(Settings with { TopK = 1, MinDwellRounds = 0, ReplaceMargin = 0 });
        ranker.Rank(1, Round(Clear("AAA", 1)));

        var outcome = ranker.Rank(2, Round(Clear("AAA", 1), Clear("CCC", 5), Clear("DDD", 5)));

        var member = Assert.Single(outcome.Board.Entries);
        Assert.All(outcome.Events.Where(e => e.Kind == RankEventKind.SymbolEnter),
            e => Assert.Equal((member.Symbol, member.Rank), (e.Symbol, e.Rank)));
    }

    [Fact]
    public void TopKRanker_must_not_let_a_replaced_member_re_enter_in_the_same_round_by_evicting_a_tied_member()
    {
        // ReplaceMargin 0 and ReenterCooldownRounds 0 pass Validate. CCC replaces BBB (weakest of a tie, last on the board); BBB, tied
        // with AAA, must not then evict AAA and come straight back: a user would see BBB leave and enter at once.
        var ranker = new TopKRanker(Settings with { MinDwellRounds = 2, ReplaceMargin = 0, ReenterCooldownRounds = 0 });
        ranker.Rank(1, Round(Clear("AAA", 0.5), Clear("BBB", 0.5)));
        ranker.Rank(2, Round(Clear("AAA", 0.5), Clear("BBB", 0.5)));

        var events = ranker.Rank(3, Round(Clear("AAA", 0.5), Clear("BBB", 0.5), Clear("CCC", 0.9))).Events;

        var entered = events.Where(e => e.Kind == RankEventKind.SymbolEnter).Select(e => e.Symbol);
        var exited = events.Where(e => e.Kind == RankEventKind.SymbolExit).Select(e => e.Symbol);
        Assert.Empty(entered.Intersect(exited));
        Assert.Equal(new[] { "AAA", "CCC" }, ranker.Members.Order());
    }

    [Fact]
    public void TopKRanker_must_hold_a_symbol_out_while_an_entry_and_its_exit_would_exceed_the_flip_budget()
    {
        var ranker = new TopKRanker(Settings with { MinDwellRounds = 0, ReenterCooldownRounds = 0, FlipBudget = 4, FlipWindowRounds = 10 });
        var flips = new List<(int, RankEventKind)>();
        var labels = new List<string>();

        for (var round = 1; round <= 14; round++)
        {
            var outcome = ranker.Rank(round, Round(Clear("AAA", round % 2 == 1 ? 5 : -5)));
            flips.AddRange(outcome.Events.Select(e => (round, e.Kind)));
            labels.Add(Assert.Single(outcome.Statuses).Label);
        }

        // Rounds 1-4 spend the budget; at 13 the window (3, 13] holds only the exit at 4: an entry and its exit fit again.
        Assert.Equal(
            new[] { (1, Enter), (2, Exit), (3, Enter), (4, Exit), (13, Enter), (14, Exit) }, flips);
        Assert.Equal(new[] { "HELD", "HELD", "HELD", "HELD" }, new[] { labels[4], labels[6], labels[8], labels[10] });
    }

    [Fact]
    public void TopKRanker_must_let_the_next_challenger_take_the_place_the_flip_budget_holds_back()
    {
        var ranker = new TopKRanker(Settings with { TopK = 1, MinDwellRounds = 0, ReenterCooldownRounds = 0, FlipBudget = 2 });
        ranker.Rank(1, Round(Clear("AAA", 5)));
        ranker.Rank(2, Round(Clear("AAA", -5)));

        var outcome = ranker.Rank(3, Round(Clear("AAA", 9), Clear("BBB", 1)));

        var enter = Assert.Single(outcome.Events);
        Assert.Equal((Enter, "BBB"), (enter.Kind, enter.Symbol));
        Assert.Equal(new[] { ("AAA", "HELD"), ("BBB", "IN PLAY") }, outcome.Statuses.Select(s => (s.Symbol, s.Label)));
    }

    [Fact]
    public void TopKRanker_must_exit_a_gated_member_at_once_even_with_its_flip_budget_spent()
    {
        var ranker = new TopKRanker(Settings with { FlipBudget = 2 });
        ranker.Rank(1, Round(Clear("AAA", 5)));

        var exit = Assert.Single(ranker.Rank(2, Round(Gated("AAA", 5))).Events);

        Assert.Equal((Exit, "AAA"), (exit.Kind, exit.Symbol));
        Assert.Empty(ranker.Members);
    }

    [Fact]
    public void TopKRanker_must_keep_a_symbol_out_for_the_reenter_cooldown_after_it_leaves()
    {
        var ranker = new TopKRanker(Settings with { MinDwellRounds = 0, ReenterCooldownRounds = 3 });
        ranker.Rank(1, Round(Clear("AAA", 5)));
        Assert.Equal(Exit, Assert.Single(ranker.Rank(2, Round(Clear("AAA", -5))).Events).Kind);

        for (var round = 3; round <= 4; round++)
        {
            var outcome = ranker.Rank(round, Round(Clear("AAA", 5)));
            Assert.Empty(outcome.Events);
            Assert.Equal("COOLING", Assert.Single(outcome.Statuses).Label);
        }

        var back = Assert.Single(ranker.Rank(5, Round(Clear("AAA", 5))).Events);
        Assert.Equal((Enter, "AAA"), (back.Kind, back.Symbol));
    }

    [Fact]
    public void TopKRanker_must_let_a_symbol_back_the_round_after_it_left_when_the_reenter_cooldown_is_zero()
    {
        var ranker = new TopKRanker(Settings with { MinDwellRounds = 0, ReenterCooldownRounds = 0 });
        ranker.Rank(1, Round(Clear("AAA", 5)));

        var left = ranker.Rank(2, Round(Clear("AAA", -5)));
        var back = ranker.Rank(3, Round(Clear("AAA", 5)));

        Assert.Equal("COOLING", Assert.Single(left.Statuses).Label); // for the rest of the round it left
        Assert.Equal((Enter, "IN PLAY"), (Assert.Single(back.Events).Kind, Assert.Single(back.Statuses).Label));
    }

    [Theory]
    [InlineData(1, 120, 10, "flip-budget")]
    [InlineData(4, 0, 10, "flip-window-rounds")]
    [InlineData(4, 120, -1, "reenter-cooldown-rounds")]
    public void TopKRanker_must_refuse_anti_flicker_settings_out_of_range_naming_the_key(int budget, int window, int cooldown, string key)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new TopKRanker(Settings with { FlipBudget = budget, FlipWindowRounds = window, ReenterCooldownRounds = cooldown }));
        Assert.StartsWith(key + " ", error.Message);
    }

    [Theory]
    [InlineData(0, 0.0, -2.0)]
    [InlineData(3, -2.0, 0.0)]
    public void TopKRanker_must_refuse_settings_without_a_board_or_without_hysteresis(int topK, double enter, double exit) =>
        Assert.Throws<ArgumentException>(() => new TopKRanker(Settings with { TopK = topK, EnterScore = enter, ExitScore = exit }));
}
