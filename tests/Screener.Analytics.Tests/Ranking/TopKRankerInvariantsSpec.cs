using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Screener.Contracts;

namespace Screener.Analytics.Tests.Ranking;

/// <summary>What must hold for any sequence of rounds, not just the hand-picked ones in <see cref="TopKRankerSpec"/>.</summary>
public sealed class TopKRankerInvariantsSpec
{
    [Property(MaxTest = 300)]
    public Property TopKRanker_must_never_hold_more_than_TopK_members() =>
        Prop.ForAll(RankerRun.Arbitrary(), AssertBoardWithinTopK);

    [Property(MaxTest = 300)]
    public Property TopKRanker_must_never_hold_more_than_TopK_members_under_flip_noise() =>
        Prop.ForAll(RankerRun.FlipNoise(), AssertBoardWithinTopK);

    [Property(MaxTest = 300)]
    public Property TopKRanker_must_never_enter_a_gated_candidate() =>
        Prop.ForAll(RankerRun.Arbitrary(), AssertNoGatedEntry);

    [Property(MaxTest = 300)]
    public Property TopKRanker_must_never_enter_a_gated_candidate_under_flip_noise() =>
        Prop.ForAll(RankerRun.FlipNoise(), AssertNoGatedEntry);

    private static void AssertBoardWithinTopK(RankerRun run)
    {
        foreach (var outcome in run.Play())
            Assert.InRange(outcome.Board.Entries.Count, 0, run.Settings.TopK);
    }

    private static void AssertNoGatedEntry(RankerRun run)
    {
        var outcomes = run.Play();
        for (var i = 0; i < outcomes.Count; i++)
        {
            var gated = run.Rounds[i].Where(c => c.IsGated).Select(c => c.Symbol).ToHashSet();
            Assert.DoesNotContain(outcomes[i].Events, e => e.Kind == RankEventKind.SymbolEnter && gated.Contains(e.Symbol));
            Assert.DoesNotContain(outcomes[i].Board.Entries, e => gated.Contains(e.Symbol));
        }
    }

    [Property(MaxTest = 300)]
    public Property TopKRanker_must_enter_only_non_members_and_exit_only_members() =>
        Prop.ForAll(RankerRun.Arbitrary(), run =>
        {
            var members = new HashSet<string>();
            foreach (var outcome in run.Play())
            {
                foreach (var e in outcome.Events)
                {
                    if (e.Kind == RankEventKind.SymbolEnter) Assert.True(members.Add(e.Symbol), $"ENTER {e.Symbol} while a member");
                    if (e.Kind == RankEventKind.SymbolExit) Assert.True(members.Remove(e.Symbol), $"EXIT {e.Symbol} while not a member");
                }
                Assert.Equal(members.Order(), outcome.Board.Entries.Select(b => b.Symbol).Order());
                Assert.Equal(Enumerable.Range(1, outcome.Board.Entries.Count), outcome.Board.Entries.Select(b => b.Rank));
            }
        });

    [Property(MaxTest = 300)]
    public Property TopKRanker_must_give_identical_events_on_replay_and_for_any_candidate_order() =>
        Prop.ForAll(RankerRun.Arbitrary(), run =>
        {
            var first = run.Play();
            var replay = run.Play();
            var reordered = run.Play(run.Rounds.Select((r, i) => r.Reverse().Skip(i % 3).Concat(r.Reverse().Take(i % 3)).ToArray()));

            for (var i = 0; i < first.Count; i++)
            {
                Assert.Equal(first[i].Events, replay[i].Events);
                Assert.Equal(first[i].Board, replay[i].Board);
                Assert.Equal(first[i].Events, reordered[i].Events);
                Assert.Equal(first[i].Board, reordered[i].Board);
                Assert.Equal(first[i].Statuses, replay[i].Statuses);
                Assert.Equal(first[i].Statuses, reordered[i].Statuses);
            }
        });

    [Property(MaxTest = 300)]
    public Property TopKRanker_must_alert_only_board_members_at_the_alert_score_and_not_within_the_cooldown() =>
        Prop.ForAll(RankerRun.Arbitrary(), run =>
        {
            var lastAlert = new Dictionary<string, int>();
            var outcomes = run.Play();
            for (var round = 1; round <= outcomes.Count; round++)
            {
                foreach (var alert in outcomes[round - 1].Events.Where(e => e.Kind == RankEventKind.Alert))
                {
                    Assert.True(alert.Score >= run.Settings.AlertScore);
                    Assert.Contains(outcomes[round - 1].Board.Entries, b => b.Symbol == alert.Symbol && b.Rank == alert.Rank);
                    if (lastAlert.TryGetValue(alert.Symbol, out var previous))
                        Assert.True(round - previous >= run.Settings.AlertCooldownRounds, $"{alert.Symbol} alerted at {previous} and {round}");
                    lastAlert[alert.Symbol] = round;
                }
            }
        });

    /// <summary>
    /// Hysteresis under noise: an enter→exit→enter cycle takes more than MinDwellRounds rounds. 1000 runs, so
    /// the rarer tie patterns (equal scores at a zero replace-margin) are reached on every run of the suite.
    /// </summary>
    [Property(MaxTest = 1000)]
    public Property TopKRanker_must_not_flip_a_symbol_faster_than_the_minimum_dwell_under_band_noise() =>
        Prop.ForAll(RankerRun.BandNoise(), run =>
        {
            var entered = new Dictionary<string, int>();
            var outcomes = run.Play();
            for (var round = 1; round <= outcomes.Count; round++)
            {
                foreach (var e in outcomes[round - 1].Events)
                {
                    if (e.Kind == RankEventKind.SymbolExit)
                        Assert.True(round - entered[e.Symbol] >= run.Settings.MinDwellRounds, $"{e.Symbol} entered at {entered[e.Symbol]}, left at {round}");
                    if (e.Kind != RankEventKind.SymbolEnter) continue;
                    if (entered.TryGetValue(e.Symbol, out var previous))
                        Assert.True(round - previous > run.Settings.MinDwellRounds, $"{e.Symbol} entered at {previous} and again at {round}");
                    entered[e.Symbol] = round;
                }
            }
        });
}
