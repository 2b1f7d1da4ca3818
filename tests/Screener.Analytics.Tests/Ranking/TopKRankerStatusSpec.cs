using Screener.Analytics.Ranking;
using Screener.Contracts;
using static Screener.Analytics.Tests.Ranking.Candidates;

namespace Screener.Analytics.Tests.Ranking;

/// <summary>The label each candidate of a round gets, on the board or off it (COOLING and HELD: <see cref="TopKRankerSpec"/>).</summary>
public sealed class TopKRankerStatusSpec
{
    private static readonly RankingSettings Settings = new(
        TopK: 2, EnterScore: 0, ExitScore: -2, MinDwellRounds: 3, ReplaceMargin: 2, AlertScore: 10, AlertCooldownRounds: 4);

    [Fact]
    public void TopKRanker_must_label_every_candidate_of_the_round_in_symbol_order()
    {
        var ranker = new TopKRanker(Settings);

        var outcome = ranker.Rank(1, Round(
            Clear("WWW", 4), Clear("HHH", 12), Gated("TTT", 30, "TOXICITY:VPIN"), Clear("QQQ", -1),
            Gated("DDD", 50, "DATA_ISSUE:STALE"), Clear("PPP", 5), Gated("LLL", 8, "LIQUIDITY:SPREAD")));

        Assert.Equal(
            new[]
            {
                ("DDD", "DATA ISSUE"), ("HHH", "HOT"), ("LLL", "ILLIQUID"), ("PPP", "IN PLAY"), ("QQQ", "QUIET"), ("TTT", "TOXIC"),
                ("WWW", "WATCH"), // the board is full and WWW cannot replace a member in the round it entered
            },
            outcome.Statuses.Select(s => (s.Symbol, s.Label)));
        var toxic = outcome.Statuses[5];
        Assert.Equal(30.0, toxic.Score);
        Assert.Equal(new[] { "TOXICITY:VPIN" }, toxic.Gates);
        Assert.Empty(outcome.Statuses[1].Gates);
    }

    [Theory]
    [InlineData("DATA ISSUE", "LIQUIDITY:SPREAD", "TOXICITY:VPIN", "DATA_ISSUE:WARM_UP")]
    [InlineData("DATA ISSUE", "DATA_ISSUE")]
    [InlineData("TOXIC", "LIQUIDITY:DEPTH", "TOXICITY:VPIN")]
    [InlineData("ILLIQUID", "LIQUIDITY:SPREAD")]
    [InlineData("ILLIQUID", "HALTED", "LIQUIDITY:SPREAD")]
    [InlineData("DATA ISSUE", "HALTED")]
    public void TopKRanker_must_label_a_gated_candidate_by_its_strongest_gate_category(string label, params string[] gates)
    {
        var outcome = new TopKRanker(Settings).Rank(1, Round(Gated("AAA", 5, gates)));

        Assert.Equal(label, Assert.Single(outcome.Statuses).Label);
    }

    [Fact]
    public void TopKRanker_must_label_a_gated_exit_by_its_gate_and_give_the_gates_as_reasons()
    {
        var ranker = new TopKRanker(Settings);
        ranker.Rank(1, Round(Clear("AAA", 5)));

        var outcome = ranker.Rank(2, Round(Gated("AAA", 5, "LIQUIDITY:SPREAD", "TOXICITY:VPIN")));

        var exit = Assert.Single(outcome.Events);
        Assert.Equal((RankEventKind.SymbolExit, "TOXIC"), (exit.Kind, exit.StatusLabel));
        Assert.Equal(new[] { "LIQUIDITY:SPREAD", "TOXICITY:VPIN" }, exit.ReasonCodes);
        Assert.Equal("TOXIC", Assert.Single(outcome.Statuses).Label);
    }

    [Fact]
    public void TopKRanker_must_label_a_replaced_member_COOLING_and_its_challenger_IN_PLAY()
    {
        var ranker = new TopKRanker(Settings with { TopK = 1, MinDwellRounds = 0 });
        ranker.Rank(1, Round(Clear("AAA", 1)));

        var outcome = ranker.Rank(2, Round(Clear("AAA", 1), Clear("BBB", 4)));

        Assert.Equal(new[] { ("AAA", "COOLING"), ("BBB", "IN PLAY") }, outcome.Statuses.Select(s => (s.Symbol, s.Label)));
        Assert.Equal("COOLING", outcome.Events.Single(e => e.Kind == RankEventKind.SymbolExit).StatusLabel);
    }

    [Fact]
    public void TopKRanker_must_give_no_status_to_a_member_missing_from_the_round()
    {
        var ranker = new TopKRanker(Settings);
        ranker.Rank(1, Round(Clear("AAA", 5), Clear("BBB", 4)));

        var outcome = ranker.Rank(2, Round(Clear("BBB", 4)));

        Assert.Equal("BBB", Assert.Single(outcome.Statuses).Symbol);
    }
}
