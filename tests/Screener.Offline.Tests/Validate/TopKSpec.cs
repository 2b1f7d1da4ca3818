using Screener.Offline.Validate;

namespace Screener.Offline.Tests.Validate;

public sealed class TopKSpec
{
    private static readonly ScoredRow[] Rows =
    [
        new(1, "AAA", 0.9, true, 10),
        new(1, "BBB", 0.5, false, -5),
        new(1, "CCC", 0.7, true, 3),
        new(1, "DDD", 0.1, false, -1),
        new(2, "AAA", 0.2, false, -2),
        new(2, "BBB", 0.8, false, -4),
        new(2, "CCC", 0.8, true, 6),
        new(3, "EEE", 0.4, true, 1),
    ];

    private static TopKResult Evaluate(IEnumerable<ScoredRow> rows, int k) =>
        TopK.Evaluate(rows, r => r.Tick, r => r.Score, r => r.Symbol, r => r.InPlay, r => r.NetEdgeBps, k);

    [Fact]
    public void TopK_must_select_the_K_highest_scores_per_group()
    {
        var result = Evaluate(Rows, k: 2);

        // Tick 1: AAA (+, 10), CCC (+, 3). Tick 2: BBB and CCC tie at 0.8, both taken: (−, −4), (+, 6). Tick 3 has one
        // row, EEE (+, 1), so it is short. Selected 5, positives 4: precision 0.8; values 10 + 3 − 4 + 6 + 1 = 16 → 3.2.
        // All 8 rows: positives 4 → base rate 0.5; values 10 − 5 + 3 − 1 − 2 − 4 + 6 + 1 = 8 → 1.
        Assert.Equal(new TopKResult(K: 2, Rows: 8, Groups: 3, ShortGroups: 1, Selected: 5, SelectedPositives: 4, Positives: 4,
            SelectedValueSum: 16, ValueSum: 8), result);
        Assert.Equal(0.8, result.PrecisionAtK);
        Assert.Equal(3.2, result.MeanSelectedValue);
        Assert.Equal(0.5, result.BaseRate);
        Assert.Equal(1, result.MeanValue);
    }

    [Fact]
    public void TopK_must_break_a_tie_at_the_cut_by_the_key_in_ordinal_order()
    {
        // K = 1. Tick 2's tie at 0.8 goes to BBB (before CCC): AAA (+, 10), BBB (−, −4), EEE (+, 1).
        var result = Evaluate(Rows, k: 1);
        Assert.Equal((3, 2, 7.0), (result.Selected, result.SelectedPositives, result.SelectedValueSum));
        Assert.Equal(2.0 / 3, result.PrecisionAtK);

        // Ordinal, not culture order: "BTC" (B = 66) comes before "abc" (a = 97).
        ScoredRow[] tie = [new(1, "abc", 1, true, 1), new(1, "BTC", 1, false, -1)];
        Assert.Equal(0, Evaluate(tie, 1).SelectedPositives);
        Assert.Equal(0, Evaluate(tie.Reverse(), 1).SelectedPositives);
    }

    [Fact]
    public void TopK_must_give_the_same_result_for_any_row_order()
    {
        var expected = Evaluate(Rows, 2);
        var random = new Random(5);
        for (var trial = 0; trial < 20; trial++)
            Assert.Equal(expected, Evaluate(Rows.OrderBy(_ => random.Next()).ToArray(), 2));
    }

    [Fact]
    public void TopK_must_select_everything_when_K_covers_every_group()
    {
        var result = Evaluate(Rows, k: 10);

        Assert.Equal((8, 3, 3), (result.Selected, result.Groups, result.ShortGroups));
        Assert.Equal(result.BaseRate, result.PrecisionAtK);
        Assert.Equal(result.MeanValue, result.MeanSelectedValue);
    }

    [Fact]
    public void TopK_must_give_zero_counts_and_NaN_rates_on_no_rows()
    {
        var result = Evaluate([], 3);

        Assert.Equal(new TopKResult(3, 0, 0, 0, 0, 0, 0, 0, 0), result);
        Assert.True(double.IsNaN(result.PrecisionAtK) && double.IsNaN(result.MeanSelectedValue));
        Assert.True(double.IsNaN(result.BaseRate) && double.IsNaN(result.MeanValue));
    }

    [Fact]
    public void TopK_must_refuse_a_K_below_1_a_repeated_key_in_a_group_and_NaN_scores_or_values()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Evaluate(Rows, 0));

        var repeated = Assert.Throws<ArgumentException>(() => Evaluate([.. Rows, new(2, "AAA", 0.1, true, 0)], 2));
        Assert.Contains("Group 2 has two rows keyed 'AAA'", repeated.Message);
        // The same key in different groups is the normal case.
        Assert.Equal(2, Evaluate([new(1, "AAA", 1, true, 0), new(2, "AAA", 1, true, 0)], 1).Groups);

        Assert.Equal("score", Assert.Throws<ArgumentException>(() => Evaluate([new(1, "AAA", double.NaN, true, 0)], 1)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentException>(() => Evaluate([new(1, "AAA", 1, true, double.NaN)], 1)).ParamName);
        Assert.Equal("tieBreak", Assert.Throws<ArgumentException>(() => Evaluate([new(1, null!, 1, true, 0)], 1)).ParamName);
    }
}
