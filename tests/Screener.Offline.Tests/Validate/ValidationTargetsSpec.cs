using Screener.Analytics.Features;
using Screener.Offline.Validate;

namespace Screener.Offline.Tests.Validate;

/// <summary>The targets judged per head, and the feature groups the ablations permute.</summary>
public sealed class ValidationTargetsSpec
{
    [Theory]
    [InlineData(0.02, 0.80, 0.82, 5.0, true, true, true)]
    [InlineData(0.0201, 0.80, 0.82, 5.0, false, true, true)]
    [InlineData(0.01, 0.78, 0.82, 5.0, true, false, true)]
    [InlineData(0.01, 0.80, 0.82, 4.0, true, true, false)]
    public void Judge_must_apply_each_target_at_its_bound(double ece, double auc, double oracleAuc, double modelEdge, bool calibrated, bool nearOracle, bool beats)
    {
        var head = Head(ece, auc, modelEdge, withOracle: true, oracleAuc);

        var verdict = ValidationTargets.Judge(head);

        Assert.Equal(new HeadVerdict("h", calibrated, nearOracle, beats), verdict);
        Assert.Equal(calibrated && nearOracle && beats, ValidationTargets.AllMet(new ValidationResult("v", "test", 5, [], [head])));
    }

    [Fact]
    public void Judge_must_not_judge_the_oracle_target_without_an_oracle()
    {
        var verdict = ValidationTargets.Judge(Head(0.01, 0.5, 5.0, withOracle: false, 0));
        Assert.Null(verdict.NearOracle);
        Assert.True(ValidationTargets.AllMet(new ValidationResult("v", "all", 5, [], [Head(0.01, 0.5, 5.0, withOracle: false, 0)])));
    }

    [Fact]
    public void Feature_groups_must_hold_every_feature_of_the_spec_exactly_once()
    {
        var groups = FeatureGroups.Of(MarketFeatures.Spec);

        var all = groups.SelectMany(g => g.Features).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, MarketFeatures.Spec.Features.Count), all);
        Assert.DoesNotContain(groups, g => g.Group == "other");
        Assert.Equal(["tod_sin", "tod_cos"], groups.Single(g => g.Group == "time of day").Features.Select(i => MarketFeatures.Spec.Features[i].Name));
    }

    // Baselines realize 4.5 and 3 bps in their top-K; the oracle 6.
    private static HeadValidation Head(double ece, double auc, double modelEdge, bool withOracle, double oracleAuc)
    {
        List<ScorerValidation> scorers =
        [
            Scorer(ValidationRun.Model, auc, ece, modelEdge),
            Scorer(ValidationRun.VolatilityRank, 0.7, 0.03, 4.5),
            Scorer(ValidationRun.VolumeSpike, 0.6, 0.03, 3.0),
        ];
        if (withOracle) scorers.Add(Scorer(ValidationRun.Oracle, oracleAuc, 0.01, 6.0));
        return new HeadValidation("h", 100, 0.3, scorers, [], []);
    }

    private static ScorerValidation Scorer(string name, double auc, double ece, double meanEdge) =>
        new(name, "", auc, 0.5, 0.2, 0.6, ece, [], new TopKResult(5, 100, 20, 0, 100, 40, 30, meanEdge * 100, 0), []);
}
