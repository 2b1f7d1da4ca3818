using Screener.Analytics.Ranking;

namespace Screener.Benchmarks;

/// <summary>
/// Seeded rank rounds that churn like a live universe. Each symbol's score (net edge, bps) is a mean-reverting
/// random walk, s' = m + 0.9 (s - m) + 6 ε with ε standard normal, around its own level m drawn from [-20, 10]
/// (spread about 14 bps), so a few dozen symbols hover around an enter score of 25 and cross it in both directions.
/// Gates come in episodes: a clear symbol is gated with probability 1.05 % a round and a gated one clears with 20 %,
/// about 5 % gated at any time, each episode one of a data issue, toxicity or liquidity gate.
/// </summary>
internal static class ChurningCandidates
{
    private static readonly string[][] GateKinds = [["DATA_ISSUE:STALE"], ["TOXICITY:VPIN"], ["LIQUIDITY:SPREAD"]];
    private static readonly string[][] ReasonSets = [["VOL_SURGE", "OFI_5S"], ["TRADE_RATE_Z", "VPIN"], ["DEPTH_IMBALANCE_5", "RET_30S"]];
    private static readonly string[] Profiles = ["taker", "maker"];
    private static readonly int[] Horizons = [30, 120, 300];

    public static RankCandidate[][] Rounds(int seed, int symbols, int rounds)
    {
        var random = new Random(seed);
        var names = Enumerable.Range(0, symbols).Select(i => $"SYM{i:D3}USDT").ToArray();
        var levels = names.Select(_ => -20 + 30 * random.NextDouble()).ToArray();
        var scores = levels.ToArray();
        var gates = new string[]?[symbols];
        var result = new RankCandidate[rounds][];
        for (var r = 0; r < rounds; r++)
        {
            var round = new RankCandidate[symbols];
            for (var i = 0; i < symbols; i++)
            {
                scores[i] = levels[i] + 0.9 * (scores[i] - levels[i]) + 6 * Normal(random);
                gates[i] = gates[i] is null
                    ? random.NextDouble() < 0.0105 ? GateKinds[random.Next(GateKinds.Length)] : null
                    : random.NextDouble() < 0.2 ? null : gates[i];
                round[i] = new RankCandidate(names[i], scores[i], Profiles[i % Profiles.Length], Horizons[(i + r / 7) % Horizons.Length],
                    "baseline-volflow-v1", gates[i] ?? [], ReasonSets[(i + r) % ReasonSets.Length]);
            }
            result[r] = round;
        }
        return result;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
