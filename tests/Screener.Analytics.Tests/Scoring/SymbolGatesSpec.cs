using Screener.Analytics.Costs;
using Screener.Analytics.Features;
using Screener.Analytics.Scoring;
using Screener.Contracts;

namespace Screener.Analytics.Tests.Scoring;

/// <summary>Named gates: data issues from the snapshot's quality and the stream, toxicity from VPIN, liquidity from spread and depth.</summary>
public sealed class SymbolGatesSpec
{
    private static readonly int Vpin = MarketFeatures.Spec.IndexOf("vpin_50");
    private static readonly GateSettings Settings = new(MaxVpin: 0.8, MaxSpreadBps: 25);
    private static readonly CostQuote Deep = new(10, 2, 1, false);

    [Fact]
    public void SymbolGates_must_open_none_for_a_clean_liquid_calm_snapshot()
    {
        Assert.Empty(SymbolGates.Evaluate(Snapshot(), [Deep, Deep], false, Settings));
    }

    [Theory]
    [InlineData(DataQuality.WarmUp, "DATA_ISSUE:WARM_UP")]
    [InlineData(DataQuality.Stale, "DATA_ISSUE:STALE")]
    [InlineData(DataQuality.BookOutOfSync, "DATA_ISSUE:BOOK_OUT_OF_SYNC")]
    public void SymbolGates_must_name_each_data_issue(DataQuality quality, string gate)
    {
        Assert.Equal([gate], SymbolGates.Evaluate(Snapshot() with { Quality = quality }, [Deep], false, Settings));
    }

    [Fact]
    public void SymbolGates_must_gate_a_gap_since_the_last_tick_and_list_gates_in_a_fixed_order()
    {
        var snapshot = Snapshot(spread: 40, vpin: 0.95f) with { Quality = DataQuality.Stale | DataQuality.WarmUp };

        var gates = SymbolGates.Evaluate(snapshot, [Deep, Deep with { Thin = true }], true, Settings);

        Assert.Equal(["DATA_ISSUE:WARM_UP", "DATA_ISSUE:STALE", "DATA_ISSUE:GAP", "TOXICITY:VPIN", "LIQUIDITY:SPREAD", "LIQUIDITY:DEPTH"], gates);
        Assert.Equal(["DATA_ISSUE", "DATA_ISSUE", "DATA_ISSUE", "TOXICITY", "LIQUIDITY", "LIQUIDITY"], gates.Select(Gates.Category));
    }

    [Theory]
    [InlineData(0.79f, false)]
    [InlineData(0.8f, true)]
    [InlineData(float.NaN, false)]
    public void SymbolGates_must_gate_toxic_flow_at_the_VPIN_threshold(float vpin, bool gated)
    {
        Assert.Equal(gated, SymbolGates.Evaluate(Snapshot(vpin: vpin), [Deep], false, Settings).Contains(Gates.Vpin));
    }

    [Theory]
    [InlineData(25f, false)]
    [InlineData(25.01f, true)]
    public void SymbolGates_must_gate_a_spread_above_the_threshold(float spread, bool gated)
    {
        Assert.Equal(gated, SymbolGates.Evaluate(Snapshot(spread: spread), [Deep], false, Settings).Contains(Gates.Spread));
    }

    [Fact]
    public void SymbolGates_must_gate_a_book_too_thin_for_any_profile()
    {
        Assert.Equal([Gates.Depth], SymbolGates.Evaluate(Snapshot(), [Deep, Deep with { Thin = true }], false, Settings));
    }

    [Fact]
    public void SymbolScorer_must_attach_the_gates_to_the_predictors_numbers()
    {
        var scorer = new SymbolScorer(ScoringSettings.Default with { Gates = Settings });

        var prediction = scorer.Score(new BaselineScorer(ScoringSettings.Default), Snapshot(vpin: 0.9f) with { Quality = DataQuality.WarmUp }, null, false);

        Assert.Equal(["DATA_ISSUE:WARM_UP", "TOXICITY:VPIN"], prediction.Gates);
        Assert.Equal(6, prediction.Heads.Count);
    }

    private static FeatureSnapshot Snapshot(float spread = 2, float vpin = 0.3f)
    {
        var values = new float[MarketFeatures.Spec.Features.Count];
        values[MarketFeatures.SpreadBps] = spread;
        values[Vpin] = vpin;
        return new FeatureSnapshot("KSMUSDT", 0, MarketFeatures.Spec.Hash, values, DataQuality.Ok);
    }
}
