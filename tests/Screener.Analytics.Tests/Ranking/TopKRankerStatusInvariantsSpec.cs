using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Screener.Analytics.Ranking;
using Screener.Contracts;

namespace Screener.Analytics.Tests.Ranking;

/// <summary>
/// Every candidate of every round gets exactly one status, and the status follows from what a user could observe:
/// the board, the candidate's gates and score, and the events of the rounds so far.
/// </summary>
public sealed class TopKRankerStatusInvariantsSpec
{
    private static readonly HashSet<string> MemberLabels = ["HOT", "IN PLAY"];

    [Property(MaxTest = 300)]
    public Property TopKRanker_must_give_each_candidate_one_consistent_status_in_random_runs() =>
        Prop.ForAll(RankerRun.Arbitrary(), AssertStatuses);

    [Property(MaxTest = 300)]
    public Property TopKRanker_must_give_each_candidate_one_consistent_status_under_flip_noise() =>
        Prop.ForAll(RankerRun.FlipNoise(), AssertStatuses);

    private static void AssertStatuses(RankerRun run)
    {
        var lastExit = new Dictionary<string, int>();
        var flips = new Dictionary<string, List<int>>();
        var outcomes = run.Play();
        for (var round = 1; round <= outcomes.Count; round++)
        {
            var outcome = outcomes[round - 1];
            var candidates = run.Rounds[round - 1].ToDictionary(c => c.Symbol);
            foreach (var e in outcome.Events.Where(e => e.Kind is RankEventKind.SymbolEnter or RankEventKind.SymbolExit))
            {
                if (!flips.TryGetValue(e.Symbol, out var rounds)) flips[e.Symbol] = rounds = [];
                rounds.Add(round);
                if (e.Kind == RankEventKind.SymbolExit) lastExit[e.Symbol] = round;
            }

            Assert.Equal(candidates.Keys.Order(StringComparer.Ordinal), outcome.Statuses.Select(s => s.Symbol));
            var board = outcome.Board.Entries.ToDictionary(b => b.Symbol);
            Assert.Equal(board.Keys.Order(), outcome.Statuses.Where(s => MemberLabels.Contains(s.Label)).Select(s => s.Symbol).Order());

            foreach (var status in outcome.Statuses)
            {
                var c = candidates[status.Symbol];
                Assert.Equal(c.Score, status.Score);
                Assert.Equal(c.Gates, status.Gates);
                var expected = Expected(run.Settings, c, board.ContainsKey(c.Symbol), round, lastExit, flips);
                Assert.True(expected == status.Label, $"round {round}: {c.Symbol} is {status.Label}, expected {expected}");
                if (board.TryGetValue(c.Symbol, out var entry)) Assert.Equal(entry.Status, status.Label);
                if (status.Label == "WATCH") Assert.Equal(run.Settings.TopK, board.Count);
            }

            foreach (var exit in outcome.Events.Where(e => e.Kind == RankEventKind.SymbolExit && candidates.ContainsKey(e.Symbol)))
                Assert.Equal(outcome.Statuses.Single(s => s.Symbol == exit.Symbol).Label, exit.StatusLabel);
        }
    }

    private static string Expected(RankingSettings settings, RankCandidate c, bool member, int round,
        Dictionary<string, int> lastExit, Dictionary<string, List<int>> flips)
    {
        if (member) return c.Score >= settings.AlertScore ? "HOT" : "IN PLAY";
        if (c.IsGated) return GateLabel(c.Gates);
        if (lastExit.TryGetValue(c.Symbol, out var exit) && round - exit < Math.Max(1, settings.ReenterCooldownRounds)) return "COOLING";
        if (c.Score < settings.EnterScore) return "QUIET";
        var recent = flips.GetValueOrDefault(c.Symbol, []).Count(r => r > round - settings.FlipWindowRounds);
        return recent + 2 > settings.FlipBudget ? "HELD" : "WATCH";
    }

    private static string GateLabel(IReadOnlyList<string> gates)
    {
        var categories = gates.Select(g => g.Split(':')[0]).ToHashSet();
        return categories.Contains("DATA_ISSUE") ? "DATA ISSUE"
            : categories.Contains("TOXICITY") ? "TOXIC"
            : categories.Contains("LIQUIDITY") ? "ILLIQUID"
            : "DATA ISSUE";
    }
}
