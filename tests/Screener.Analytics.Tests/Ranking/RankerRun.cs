using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Screener.Analytics.Ranking;
using static Screener.Analytics.Tests.Ranking.Candidates;

namespace Screener.Analytics.Tests.Ranking;

/// <summary>
/// Generated ranker input: settings (enter 0, exit -2, alert 10; top-K, dwell, margin, alert cooldown, flip budget
/// and window, and re-entry cooldown drawn) and rounds of candidates from a pool of eight symbols, with scores piled
/// up on and around the thresholds and gates of every category, alone and combined.
/// </summary>
internal sealed record RankerRun(RankingSettings Settings, RankCandidate[][] Rounds)
{
    private static readonly string[] Pool = ["S0", "S1", "S2", "S3", "S4", "S5", "S6", "S7"];

    private static readonly string[][] GateSets =
    [
        ["DATA_ISSUE"], ["DATA_ISSUE:STALE"], ["DATA_ISSUE:WARM_UP"], ["TOXICITY:VPIN"], ["LIQUIDITY:SPREAD"],
        ["LIQUIDITY:SPREAD", "TOXICITY:VPIN"], ["TOXICITY:VPIN", "DATA_ISSUE:STALE"], ["LIQUIDITY:DEPTH", "DATA_ISSUE:WARM_UP"],
    ];

    private static readonly Gen<RankingSettings> SettingsGen =
        from topK in Gen.Choose(1, 4)
        from dwell in Gen.Choose(1, 4)
        from margin in Gen.Choose(0, 2)
        from cooldown in Gen.Choose(0, 5)
        from budget in Gen.Choose(2, 6)
        from window in Gen.Choose(1, 30)
        from reenter in Gen.Choose(0, 6)
        select new RankingSettings(topK, EnterScore: 0, ExitScore: -2, MinDwellRounds: dwell, ReplaceMargin: margin,
            AlertScore: 10, AlertCooldownRounds: cooldown, FlipBudget: budget, FlipWindowRounds: window, ReenterCooldownRounds: reenter);

    private static readonly Gen<double> ScoreGen = Gen.Frequency(
        (1, Gen.Elements(-4.0, -2.01, -2.0, -1.0, -0.01, 0.0, 0.5, 2.0, 4.0, 9.99, 10.0, 15.0)),
        (2, Gen.Choose(-500, 1500).Select(c => c / 100.0)));

    private static Gen<RankCandidate?> CandidateGen(string symbol) =>
        from present in Gen.Frequency((85, Gen.Constant(true)), (15, Gen.Constant(false)))
        from gated in Gen.Frequency((85, Gen.Constant(false)), (15, Gen.Constant(true)))
        from gates in Gen.Elements(GateSets)
        from score in ScoreGen
        select present ? (gated ? Gated(symbol, score, gates) : Clear(symbol, score)) : null;

    private static readonly Gen<RankCandidate[]> RoundGen =
        Gen.CollectToArray(Pool, CandidateGen).Select(round => round.OfType<RankCandidate>().ToArray());

    /// <summary>Random rounds: symbols come and go, get gated, and score anywhere around the thresholds.</summary>
    public static Arbitrary<RankerRun> Arbitrary() => Arb.From(
        from settings in SettingsGen
        from count in Gen.Choose(1, 40)
        from rounds in Gen.ArrayOf(RoundGen, count)
        select new RankerRun(settings, rounds));

    /// <summary>
    /// Adversarial noise: the same six symbols every round, never gated, scores jittering across the band
    /// [exit - 1, enter + 1] (mostly inside it) on a quarter-bps grid, so ties are common; anything without
    /// hysteresis would flap.
    /// </summary>
    public static Arbitrary<RankerRun> BandNoise() => Arb.From(
        from settings in SettingsGen
        from count in Gen.Choose(10, 60)
        from rounds in Gen.ArrayOf(Gen.CollectToArray(Pool[..6], s => Gen.Choose(-12, 4).Select(q => Clear(s, q / 4.0))), count)
        select new RankerRun(settings, rounds));

    private static Gen<RankCandidate?> JumpGen(string symbol) =>
        from present in Gen.Frequency((9, Gen.Constant(true)), (1, Gen.Constant(false)))
        from gated in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from gates in Gen.Elements(GateSets)
        from high in Gen.Elements(true, false)
        from magnitude in Gen.Choose(20, 60)
        select present ? (gated ? Gated(symbol, high ? magnitude : -magnitude, gates) : Clear(symbol, high ? magnitude : -magnitude)) : null;

    /// <summary>
    /// Adversarial flipping: six symbols whose scores jump every round between far above the enter score and far
    /// below the exit score, with gates toggling and symbols going missing, under no minimum dwell and no re-entry
    /// cooldown, so the flip budget is the only thing between the noise and the board. 20 to 150 rounds, windows
    /// of 1 to 40 rounds, budgets of 2 to 6.
    /// </summary>
    public static Arbitrary<RankerRun> FlipNoise() => Arb.From(
        from topK in Gen.Choose(1, 4)
        from margin in Gen.Choose(0, 2)
        from budget in Gen.Choose(2, 6)
        from window in Gen.Choose(1, 40)
        from count in Gen.Choose(20, 150)
        from rounds in Gen.ArrayOf(Gen.CollectToArray(Pool[..6], JumpGen).Select(r => r.OfType<RankCandidate>().ToArray()), count)
        select new RankerRun(
            new RankingSettings(topK, EnterScore: 0, ExitScore: -2, MinDwellRounds: 0, ReplaceMargin: margin, AlertScore: 10,
                AlertCooldownRounds: 0, FlipBudget: budget, FlipWindowRounds: window, ReenterCooldownRounds: 0),
            rounds));

    public List<RankOutcome> Play() => Play(Rounds);

    public List<RankOutcome> Play(IEnumerable<RankCandidate[]> rounds)
    {
        var ranker = new TopKRanker(Settings);
        return rounds.Select((round, i) => ranker.Rank(i + 1, round)).ToList();
    }

    public override string ToString() =>
        $"{Settings}\n" + string.Join("\n", Rounds.Select((r, i) =>
            $"r{i + 1}: " + string.Join(" ", r.Select(c =>
                $"{c.Symbol}={c.Score.ToString(CultureInfo.InvariantCulture)}{(c.IsGated ? "[" + string.Join(",", c.Gates) + "]" : "")}"))));
}
