using Screener.Analytics.Calibration;
using Screener.Analytics.Features;
using Screener.Analytics.Models;
using Screener.Offline.Export;
using Screener.Offline.Train;

namespace Screener.Offline.Validate;

/// <summary>
/// Validates a packaged model on labelled rows. Per head, four scorers rank the same rows:
/// <list type="bullet">
/// <item><c>model</c>: the model file's classifier score through the manifest's calibrator;</item>
/// <item><c>volatility rank</c>: the symbol's realized volatility over the window nearest the horizon;</item>
/// <item><c>volume spike</c>: the 30 s trade-rate z-score;</item>
/// <item><c>oracle</c> (simulated journals): <see cref="EpisodeOracle"/>, the in-play rate given the planted episode state.</item>
/// </list>
/// Baselines get an isotonic calibrator and the oracle its rates from the calibration rows (the validation split), so
/// every scorer's probability figures (Brier, log loss, ECE) are on the same footing as the model's. Ranking figures
/// (AUC, PR-AUC, ROC) use each scorer's raw score, which calibration would only flatten into ties. Top-K takes each
/// tick's K best symbols (ties by symbol): the model by its expected net edge, as the ranker orders a board; the
/// baselines by their feature; the oracle by its probability. Ablations permute a feature group's values across the
/// rows (one seeded permutation, the same for every feature of the group) and score the model again.
/// </summary>
public sealed class ValidationRun
{
    public const string Model = "model";
    public const string VolatilityRank = "volatility rank";
    public const string VolumeSpike = "volume spike";
    public const string Oracle = "oracle";

    private const int Seed = 42;

    /// <summary>Runs the validation.</summary>
    /// <param name="manifest">The model's manifest.</param>
    /// <param name="model">The model file, as read back (what ONNX Runtime evaluates).</param>
    /// <param name="regime">The regime model.</param>
    /// <param name="spec">The running feature spec (the manifest's).</param>
    /// <param name="heads">The rows' heads, in label order.</param>
    /// <param name="rows">The rows to validate on.</param>
    /// <param name="calibration">Rows before them (the validation split) for the baselines' calibrators and the oracle.</param>
    /// <param name="episodes">The simulator's planted episodes; null for a recorded journal (no oracle).</param>
    /// <param name="split">A name for the rows, for the report.</param>
    /// <param name="k">Top-K size.</param>
    /// <param name="progress">One line per head.</param>
    public static ValidationResult Run(
        ModelManifest manifest, OnnxTreeModel model, RegimeModel regime, FeatureSpec spec, IReadOnlyList<TrainingHead> heads,
        IReadOnlyList<TrainingRow> rows, IReadOnlyList<TrainingRow> calibration, IReadOnlyList<PlantedEpisode>? episodes,
        string split, int k, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(calibration);
        if (rows.Count == 0) throw new ArgumentException("No rows to validate on.", nameof(rows));
        if (calibration.Count == 0) throw new ArgumentException("No calibration rows for the baselines.", nameof(calibration));
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);

        var regimes = rows.Select(r => regime.Assign(r.Features.AsSpan())).ToArray();
        var groups = FeatureGroups.Of(spec);
        var results = new List<HeadValidation>(manifest.Heads.Count);
        foreach (var head in manifest.Heads)
        {
            var h = IndexOf(heads, head.Name);
            var classifier = model.Head(head.InPlayScoreOutput.EndsWith("_score", StringComparison.Ordinal)
                ? head.InPlayScoreOutput[..^"_score".Length]
                : head.InPlayScoreOutput);
            var calibrator = head.Calibrator.ToCalibrator();
            var labels = rows.Select(r => r.Labels[h].InPlay).ToArray();
            var edges = rows.Select(r => r.Labels[h].NetEdgeBps).ToArray();

            var scorers = new List<Scorer>();
            var modelScores = ModelTrainingJob.Scores(classifier, rows);
            scorers.Add(new Scorer(Model,
                $"ranks by `{head.InPlayScoreOutput}`; probability through its {calibrator.Kind} calibrator; top-K by `{head.NetEdgeOutput}` (expected net edge), as the ranker orders a board",
                modelScores, [.. modelScores.Select(calibrator.Apply)], ModelTrainingJob.Scores(model.Head(head.NetEdgeOutput), rows)));
            var volatility = VolatilityFeature(spec, head.HorizonSeconds);
            scorers.Add(Baseline(VolatilityRank, volatility, spec, rows, calibration, h));
            scorers.Add(Baseline(VolumeSpike, spec.IndexOf("trade_rate_z_30s"), spec, rows, calibration, h));
            if (episodes is not null)
            {
                var oracle = EpisodeOracle.Fit(episodes, TimeSpan.FromSeconds(head.HorizonSeconds), calibration.Select(r => (r.Symbol, r.Time, r.Labels[h].InPlay)));
                double[] p = [.. rows.Select(r => oracle.Probability(r.Symbol, r.Time))];
                scorers.Add(new Scorer(Oracle, "in-play rate given the planted episode's phase, true probability and timing (fitted on the validation split); ranks and boards by it", p, p, p));
            }

            var all = Enumerable.Range(0, rows.Count).ToArray();
            var byRegime = new List<RegimeValidation>();
            for (var g = 0; g < regime.Names.Count; g++)
            {
                var members = all.Where(i => regimes[i] == g).ToArray();
                if (members.Length == 0) continue;
                byRegime.Add(new RegimeValidation(regime.Names[g], members.Length, members.Count(i => labels[i]) / (double)members.Length,
                    [.. scorers.Select(s => Measure(s, labels, edges, rows, members, k, roc: false))]));
            }

            var modelAuc = Metrics.Auc(modelScores, labels);
            var ablations = groups.Select(group =>
            {
                var auc = Metrics.Auc(PermutedScores(classifier, rows, group.Features), labels);
                return new GroupAblation(group.Group, group.Features.Length, auc, modelAuc - auc);
            }).ToList();

            var measured = scorers.Select(s => Measure(s, labels, edges, rows, all, k, roc: true)).ToList();
            results.Add(new HeadValidation(head.Name, rows.Count, labels.Count(l => l) / (double)labels.Length, measured, byRegime, ablations));
            progress?.Invoke($"{head.Name}: " + string.Join(", ", measured.Select(m => $"{m.Name} AUC {m.Auc:F3} ECE {m.Ece:F4}")));
        }
        return new ValidationResult(manifest.ModelVersion, split, k, regime.Names, results);
    }

    private static int IndexOf(IReadOnlyList<TrainingHead> heads, string name)
    {
        for (var i = 0; i < heads.Count; i++)
            if (heads[i].Name == name) return i;
        throw new ArgumentException($"The rows have no head '{name}' (they have {string.Join(", ", heads.Select(x => x.Name))}).", nameof(heads));
    }

    /// <summary>The realized-volatility feature whose window is nearest the horizon.</summary>
    private static int VolatilityFeature(FeatureSpec spec, int horizonSeconds)
    {
        var candidates = new[] { ("realized_vol_bps_30s", 30), ("realized_vol_bps_2m", 120), ("realized_vol_bps_5m", 300) };
        var name = candidates.MinBy(c => Math.Abs(Math.Log(c.Item2) - Math.Log(Math.Max(1, horizonSeconds)))).Item1;
        return spec.IndexOf(name);
    }

    /// <summary>A baseline ranks by its raw feature (ties only where the feature ties) and is isotonic-calibrated on the calibration rows.</summary>
    private static Scorer Baseline(string name, int feature, FeatureSpec spec, IReadOnlyList<TrainingRow> rows, IReadOnlyList<TrainingRow> calibration, int h)
    {
        var calibrator = IsotonicCalibrator.Fit(
            calibration.Select(r => (double)r.Features[feature]).ToArray(), calibration.Select(r => r.Labels[h].InPlay).ToArray(), epsilon: 1e-4);
        double[] raw = [.. rows.Select(r => (double)r.Features[feature])];
        return new Scorer(name, $"ranks and boards by `{spec.Features[feature].Name}`; probability isotonic-calibrated on the validation split",
            raw, [.. raw.Select(calibrator.Apply)], raw);
    }

    private static double[] PermutedScores(TreeHead classifier, IReadOnlyList<TrainingRow> rows, int[] features)
    {
        var order = Enumerable.Range(0, rows.Count).ToArray();
        new Random(Seed).Shuffle(order);
        var buffer = new float[rows[0].Features.Count];
        var scores = new double[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].Features.AsSpan().CopyTo(buffer);
            var donor = rows[order[i]].Features.AsSpan();
            foreach (var f in features) buffer[f] = donor[f];
            scores[i] = classifier.Score(buffer);
        }
        return scores;
    }

    private static ScorerValidation Measure(Scorer scorer, bool[] labels, double[] edges, IReadOnlyList<TrainingRow> rows, int[] members, int k, bool roc)
    {
        var rank = members.Select(i => scorer.Rank[i]).ToArray();
        var ps = members.Select(i => scorer.Probability[i]).ToArray();
        var ls = members.Select(i => labels[i]).ToArray();
        var bins = Metrics.Reliability(ps, ls);
        var topK = TopK.Evaluate(members, i => rows[i].Time, i => scorer.Board[i], i => rows[i].Symbol, i => labels[i], i => edges[i], k);
        return new ScorerValidation(scorer.Name, scorer.Description, Metrics.Auc(rank, ls), Metrics.AveragePrecision(rank, ls), Metrics.Brier(ps, ls),
            Metrics.LogLoss(ps, ls), Metrics.ExpectedCalibrationError(bins), bins, topK, roc ? Charts.RocCurve.From(rank, ls) : []);
    }

    /// <summary>One scorer's per-row values: what it ranks by (AUC, PR-AUC, ROC), its probability (Brier, log loss, ECE), and what orders its top-K board.</summary>
    private sealed record Scorer(string Name, string Description, double[] Rank, double[] Probability, double[] Board);
}
