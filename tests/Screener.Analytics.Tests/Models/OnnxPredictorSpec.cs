using System.Text.Json.Nodes;
using Screener.Analytics.Costs;
using Screener.Analytics.Features;
using Screener.Analytics.Models;
using Screener.Analytics.Models.Trees;
using Screener.Analytics.Scoring;
using Screener.Contracts;

namespace Screener.Analytics.Tests.Models;

/// <summary>The shipped model online: every head through ONNX Runtime, calibrated, costed, attributed; bad folders refused.</summary>
public sealed class OnnxPredictorSpec : IDisposable
{
    private static readonly CostQuote[] Costs = [new(10, 4, 1, false), new(7, 0, 0.5, false)];
    private readonly OnnxPredictor _model = OnnxPredictor.Load(ShippedModel.Folder, MarketFeatures.Spec, ScoringSettings.Default);

    public void Dispose() => _model.Dispose();

    [Fact]
    public void OnnxPredictor_must_give_every_head_its_calibrated_probability_its_net_edge_and_the_live_cost()
    {
        var trees = OnnxTreeModelReader.Read(Path.Combine(ShippedModel.Folder, _model.Manifest.Model.File));
        foreach (var row in ShippedModel.Rows(200))
        {
            var prediction = _model.Predict(row, Costs);

            Assert.Equal(_model.Manifest.Heads.Count, prediction.Heads.Count);
            for (var i = 0; i < prediction.Heads.Count; i++)
            {
                var spec = _model.Manifest.Heads[i];
                var head = prediction.Heads[i];
                var raw = trees.Heads.Single(h => h.ScoreOutput == spec.InPlayScoreOutput).Score(row.Values.AsSpan());
                var net = trees.Heads.Single(h => h.ScoreOutput == spec.NetEdgeOutput).Score(row.Values.AsSpan());
                var cost = Costs[spec.Profile == "taker" ? 0 : 1].TotalBps;
                Assert.Equal((spec.Profile, spec.HorizonSeconds), (head.Profile, head.HorizonSeconds));
                Assert.Equal(spec.Calibrator.ToCalibrator().Apply(raw), head.PInPlay, 12);
                Assert.Equal(net, head.NetEdgeBps, 12);
                Assert.Equal(cost, head.CostBps, 12);
                Assert.Equal(net + cost, head.ExpectedMoveBps, 9);
            }
        }
    }

    [Fact]
    public void OnnxPredictor_must_carry_the_model_version_the_regime_and_the_symbol_and_time()
    {
        var row = ShippedModel.Rows(1)[0];

        var prediction = _model.Predict(row, Costs);

        Assert.Equal("0.1.0+a100df6b0082.20261010T141800Z.be084c67282cb2a4", _model.ModelVersion);
        Assert.Equal(_model.Manifest.ModelVersion, prediction.ModelVersion);
        Assert.Contains(prediction.Regime, _model.Manifest.Regime.Names);
        Assert.Equal((row.Symbol, row.Time), (prediction.Symbol, prediction.Time));
        Assert.Empty(prediction.Gates);
    }

    [Fact]
    public void OnnxPredictor_must_attribute_the_best_heads_net_edge_to_its_five_largest_signed_contributions()
    {
        var trees = OnnxTreeModelReader.Read(Path.Combine(ShippedModel.Folder, _model.Manifest.Model.File));
        foreach (var row in ShippedModel.Rows(50))
        {
            var prediction = _model.Predict(row, Costs);
            var best = ScoreAggregation.BestIndex(prediction.Heads.AsSpan(), ScoringSettings.Default);
            var regressor = trees.Heads.Single(h => h.ScoreOutput == _model.Manifest.Heads[best].NetEdgeOutput);
            var all = new double[row.Values.Count];
            new PathAttribution(regressor, trees.Covers!).Attribute(row.Values.AsSpan(), all);
            var expected = all.Select((c, i) => new Attribution(MarketFeatures.Spec.Features[i].Name, c))
                .Where(a => a.Contribution != 0)
                .OrderByDescending(a => Math.Abs(a.Contribution)).ThenBy(a => MarketFeatures.Spec.IndexOf(a.Feature))
                .Take(OnnxPredictor.AttributionCount);

            Assert.Equal(expected, prediction.Attributions);
        }
    }

    [Fact]
    public void OnnxPredictor_must_give_the_same_numbers_from_many_threads_at_once()
    {
        var rows = ShippedModel.Rows(400);
        var sequential = rows.Select(r => _model.Predict(r, Costs)).ToArray();
        var parallel = new PredictionSnapshot[rows.Length];

        Parallel.For(0, rows.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = _model.Predict(rows[i], Costs));

        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void OnnxPredictor_must_fall_back_to_fees_and_the_spread_feature_without_a_book()
    {
        var row = ShippedModel.Rows(1)[0];
        var values = row.Values.ToArray();
        values[MarketFeatures.SpreadBps] = 3;

        var prediction = _model.Predict(row with { Values = values }, [CostQuote.Unavailable, CostQuote.Unavailable]);

        Assert.All(prediction.Heads.Where(h => h.Profile == "taker"), h => Assert.Equal(13, h.CostBps, 12));
        Assert.All(prediction.Heads.Where(h => h.Profile == "maker"), h => Assert.Equal(8.5, h.CostBps, 12));
    }

    [Fact]
    public void OnnxPredictor_must_refuse_a_model_of_another_feature_spec_naming_both_hashes()
    {
        var folder = ShippedModel.Copy();
        var manifest = Path.Combine(folder, "manifest.json");
        var json = JsonNode.Parse(File.ReadAllText(manifest))!;
        json["featureSpec"]!["hash"] = "0123456789abcdef";
        File.WriteAllText(manifest, json.ToJsonString());

        var e = Assert.Throws<ModelLoadException>(() => OnnxPredictor.Load(folder, MarketFeatures.Spec, ScoringSettings.Default));

        Assert.Contains("0123456789abcdef", e.Message);
        Assert.Contains(MarketFeatures.Spec.Hash, e.Message);
    }

    [Fact]
    public void OnnxPredictor_must_refuse_an_altered_model_file_a_missing_manifest_and_an_unknown_profile()
    {
        var folder = ShippedModel.Copy();
        var onnx = Path.Combine(folder, "screener-model.onnx");
        var bytes = File.ReadAllBytes(onnx);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(onnx, bytes);
        Assert.Contains("SHA-256", Assert.Throws<ModelLoadException>(() => OnnxPredictor.Load(folder, MarketFeatures.Spec, ScoringSettings.Default)).Message);

        var empty = Path.Combine(Path.GetTempPath(), "screener-no-model-" + Guid.NewGuid().ToString("N"));
        Assert.Contains("No model manifest", Assert.Throws<ModelLoadException>(() => OnnxPredictor.Load(empty, MarketFeatures.Spec, ScoringSettings.Default)).Message);

        var takerOnly = ScoringSettings.Default with { Profiles = [ExecutionProfile.Taker] };
        Assert.Contains("profile 'maker'", Assert.Throws<ModelLoadException>(() => OnnxPredictor.Load(ShippedModel.Folder, MarketFeatures.Spec, takerOnly)).Message);
    }

    [Fact]
    public void OnnxPredictor_must_refuse_calls_after_it_is_disposed()
    {
        var model = OnnxPredictor.Load(ShippedModel.Folder, MarketFeatures.Spec, ScoringSettings.Default);
        model.Dispose();

        Assert.Throws<ObjectDisposedException>(() => model.Predict(ShippedModel.Rows(1)[0], Costs));
    }
}
