using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Screener.Analytics.Ranking;
using Screener.Contracts;

namespace Screener.Analytics.Tests.Ranking;

/// <summary>
/// The anti-flicker guarantees for any sequence of rounds: the flip budget holds in every window, gated or missing
/// members still leave at once, and nothing re-enters within its cooldown.
/// </summary>
public sealed class TopKRankerFlickerInvariantsSpec
{
    [Property(MaxTest = 300)]
    public Property TopKRanker_must_keep_every_symbol_within_its_flip_budget_in_every_window_of_random_runs() =>
        Prop.ForAll(RankerRun.Arbitrary(), AssertFlipBudget);

    [Property(MaxTest = 300)]
    public Property TopKRanker_must_keep_every_symbol_within_its_flip_budget_in_every_window_under_band_noise() =>
        Prop.ForAll(RankerRun.BandNoise(), AssertFlipBudget);

    /// <summary>No dwell and no cooldown here: only the budget stands between the jumps and the board.</summary>
    [Property(MaxTest = 500)]
    public Property TopKRanker_must_keep_every_symbol_within_its_flip_budget_in_every_window_under_flip_noise() =>
        Prop.ForAll(RankerRun.FlipNoise(), AssertFlipBudget);

    [Property(MaxTest = 300)]
    public Property TopKRanker_must_exit_a_gated_or_missing_member_in_that_round_whatever_its_flips_under_flip_noise() =>
        Prop.ForAll(RankerRun.FlipNoise(), run =>
        {
            var outcomes = run.Play();
            for (var i = 1; i < outcomes.Count; i++)
            {
                var round = run.Rounds[i].ToDictionary(c => c.Symbol);
                foreach (var member in outcomes[i - 1].Board.Entries)
                {
                    var present = round.TryGetValue(member.Symbol, out var c);
                    if (present && !c!.IsGated) continue;
                    var exit = Assert.Single(outcomes[i].Events, e => e.Kind == RankEventKind.SymbolExit && e.Symbol == member.Symbol);
                    Assert.Equal(present ? c!.Gates : ["NO_DATA"], exit.ReasonCodes);
                }
            }
        });

    [Property(MaxTest = 300)]
    public Property TopKRanker_must_not_re_enter_a_symbol_within_the_reenter_cooldown_of_its_exit() =>
        Prop.ForAll(RankerRun.Arbitrary(), AssertReenterCooldown);

    [Property(MaxTest = 300)]
    public Property TopKRanker_must_not_re_enter_a_symbol_within_the_reenter_cooldown_of_its_exit_under_band_noise() =>
        Prop.ForAll(RankerRun.BandNoise(), AssertReenterCooldown);

    private static void AssertFlipBudget(RankerRun run)
    {
        var window = run.Settings.FlipWindowRounds;
        foreach (var (symbol, rounds) in Flips(run.Play()))
        {
            // Every window's flips start at some flip: count from each flip over the window that starts there.
            for (var i = 0; i < rounds.Count; i++)
            {
                var inWindow = rounds.Skip(i).TakeWhile(r => r - rounds[i] < window).Count();
                Assert.True(inWindow <= run.Settings.FlipBudget,
                    $"{symbol} flipped {inWindow} times in the {window} rounds from round {rounds[i]}: {string.Join(", ", rounds)}");
            }
        }
    }

    private static void AssertReenterCooldown(RankerRun run)
    {
        var lastExit = new Dictionary<string, int>();
        var outcomes = run.Play();
        for (var round = 1; round <= outcomes.Count; round++)
        {
            foreach (var e in outcomes[round - 1].Events)
            {
                if (e.Kind == RankEventKind.SymbolExit) lastExit[e.Symbol] = round;
                if (e.Kind != RankEventKind.SymbolEnter || !lastExit.TryGetValue(e.Symbol, out var exit)) continue;
                Assert.True(round > exit && round - exit >= run.Settings.ReenterCooldownRounds,
                    $"{e.Symbol} left at round {exit} and entered again at {round}");
            }
        }
    }

    /// <summary>Each symbol's entry and exit rounds, in order.</summary>
    internal static Dictionary<string, List<int>> Flips(List<RankOutcome> outcomes)
    {
        var flips = new Dictionary<string, List<int>>();
        for (var round = 1; round <= outcomes.Count; round++)
        {
            foreach (var e in outcomes[round - 1].Events)
            {
                if (e.Kind is not (RankEventKind.SymbolEnter or RankEventKind.SymbolExit)) continue;
                if (!flips.TryGetValue(e.Symbol, out var rounds)) flips[e.Symbol] = rounds = [];
                rounds.Add(round);
            }
        }
        return flips;
    }
}
