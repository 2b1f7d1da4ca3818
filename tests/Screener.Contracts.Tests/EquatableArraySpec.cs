using System.Text.Json;
using Screener.Contracts.Market;
using Screener.Contracts.Serialization;
using Xunit;

namespace Screener.Contracts.Tests;

/// <summary>Records that carry collections compare by content, so replays and journals can be diffed.</summary>
public sealed class EquatableArraySpec
{
    private static readonly PriceLevel Best = new(83091.60m, 3.250m);
    private static readonly PriceLevel Next = new(83091.50m, 0.120m);

    [Fact]
    public void EquatableArray_must_be_equal_with_equal_hashes_when_contents_are_equal()
    {
        EquatableArray<PriceLevel> left = new[] { Best, Next };
        EquatableArray<PriceLevel> right = new[] { Best, Next };

        Assert.True(left == right);
        Assert.Equal(left, right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
    }

    [Fact]
    public void EquatableArray_must_differ_when_order_or_length_differs()
    {
        // Book levels are ordered: the same levels in another order are another book.
        EquatableArray<PriceLevel> book = new[] { Best, Next };

        Assert.NotEqual(book, EquatableArray.Create(Next, Best));
        Assert.NotEqual(book, EquatableArray.Create(Best));
        Assert.True(book != EquatableArray.Create(Best, Next, Next));
    }

    [Fact]
    public void EquatableArray_must_treat_default_as_empty()
    {
        EquatableArray<string> missing = default;

        Assert.Equal(EquatableArray<string>.Empty, missing);
        Assert.Equal(EquatableArray<string>.Empty.GetHashCode(), missing.GetHashCode());
        Assert.Empty(missing);
        Assert.Equal(
            ContractSamples.ClearPrediction,
            ContractSamples.ClearPrediction with { Gates = default, Attributions = default });
    }

    [Fact]
    public void EquatableArray_must_make_records_compare_by_content()
    {
        var rebuilt = ContractSamples.PredictionSnapshot with
        {
            Heads = ContractSamples.PredictionSnapshot.Heads.ToArray(),
            Gates = new[] { "DATA_ISSUE" },
        };

        Assert.Equal(ContractSamples.PredictionSnapshot, rebuilt);
        Assert.Equal(ContractSamples.PredictionSnapshot.GetHashCode(), rebuilt.GetHashCode());
        Assert.NotEqual(ContractSamples.PredictionSnapshot, rebuilt with { Gates = new[] { "DATA_ISSUE", "STALE" } });
    }

    [Fact]
    public void EquatableArray_must_treat_snapshots_with_the_same_missing_values_as_equal()
    {
        // NaN != NaN as a number, but two snapshots with the same gap are the same snapshot (replay diffs rely on it).
        var replayed = ContractSamples.FeatureSnapshot with
        {
            Values = EquatableArray.Create(0.125f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, -3.5f),
        };

        Assert.Equal(ContractSamples.FeatureSnapshot, replayed);
        Assert.Equal(ContractSamples.FeatureSnapshot.GetHashCode(), replayed.GetHashCode());
    }

    [Fact]
    public void EquatableArray_must_round_trip_an_empty_array_through_json()
    {
        var info = ContractsJsonContext.Default.EquatableArrayString;

        Assert.Equal("[]", JsonSerializer.Serialize(EquatableArray<string>.Empty, info));
        Assert.Equal("[]", JsonSerializer.Serialize(default(EquatableArray<string>), info));
        Assert.Equal(EquatableArray<string>.Empty, JsonSerializer.Deserialize("[]", info));
    }
}
