using Screener.Offline.Validate;

namespace Screener.Offline.Tests.Validate;

/// <summary>The oracle's states (no episode, precursor, move, fizzle) and the rates it learns for them.</summary>
public sealed class EpisodeOracleSpec
{
    private static readonly long S = TimeSpan.TicksPerSecond;
    private static readonly TimeSpan Horizon = TimeSpan.FromSeconds(40);

    // AAA: precursors from 100 s, onset at 200 s, the move until 260 s, p = 0.85 (tenth 8), fired.
    // BBB: the same timing, p = 0.15 (tenth 1), fizzled.
    private static readonly PlantedEpisode[] Episodes =
    [
        new("AAA", 100 * S, 200 * S, 260 * S, 0.85, Fired: true),
        new("BBB", 100 * S, 200 * S, 260 * S, 0.15, Fired: false),
    ];

    [Fact]
    public void Oracle_must_learn_each_state_rate_and_fall_back_to_the_phase_and_overall_rates()
    {
        // Fitting rows: outside episodes (CCC, and AAA before 100 s) 1 in play of 4; AAA 13 to 15 s before onset (one quarter of
        // the 40 s horizon: q1), 3 of 3 in play; BBB at the same state but tenth 1, 0 of 3.
        var rows = new List<(string, long, bool)>
        {
            ("CCC", 10 * S, true), ("CCC", 20 * S, false), ("CCC", 30 * S, false), ("AAA", 50 * S, false),
            ("AAA", 185 * S, true), ("AAA", 186 * S, true), ("AAA", 187 * S, true),
            ("BBB", 185 * S, false), ("BBB", 186 * S, false), ("BBB", 187 * S, false),
        };
        var oracle = EpisodeOracle.Fit(Episodes, Horizon, rows);

        // Overall rate 4/10 = 0.4. Phase "none": (1 + 0.4) / (4 + 1) = 0.28; its state is the phase itself, so
        // (1 + 2·0.28) / (4 + 2) = 0.26.
        Assert.Equal(0.26, oracle.Probability("CCC", 15 * S), 12);
        Assert.Equal(0.26, oracle.Probability("ZZZ", 15 * S), 12);
        // Phase "precursor": 3 of 6, prior (3 + 0.4) / 7; AAA's state 3 of 3: (3 + 2·prior) / 5.
        var precursor = 3.4 / 7;
        Assert.Equal((3 + 2 * precursor) / 5, oracle.Probability("AAA", 186 * S), 12);
        Assert.Equal((0 + 2 * precursor) / 5, oracle.Probability("BBB", 186 * S), 12);
        // The same episode far from its onset (more than two horizons: q8) is a state never fitted: the phase's prior.
        Assert.Equal(precursor, oracle.Probability("AAA", 101 * S), 12);
        // After the onset the oracle knows whether the move came; neither phase was fitted: the overall rate.
        Assert.Equal(0.4, oracle.Probability("AAA", 210 * S), 12);
        Assert.Equal(0.4, oracle.Probability("BBB", 210 * S), 12);
        // After the episode ends the symbol is back to no episode.
        Assert.Equal(0.26, oracle.Probability("AAA", 260 * S), 12);
    }

    [Fact]
    public void Oracle_must_rank_a_fired_move_above_a_fizzle_once_both_are_fitted()
    {
        var rows = new List<(string, long, bool)>();
        for (var t = 200; t < 260; t++)
        {
            rows.Add(("AAA", t * S, true));
            rows.Add(("BBB", t * S, t % 10 == 0));
        }
        var oracle = EpisodeOracle.Fit(Episodes, Horizon, rows);

        Assert.True(oracle.Probability("AAA", 205 * S) > 0.9);
        Assert.True(oracle.Probability("BBB", 205 * S) < 0.2);
    }

    [Fact]
    public void Oracle_without_fitting_rows_must_answer_one_half()
    {
        var oracle = EpisodeOracle.Fit(Episodes, Horizon, []);
        Assert.Equal(0.5, oracle.Probability("AAA", 150 * S));
        Assert.Equal(0.5, oracle.Probability("CCC", 150 * S));
    }
}
