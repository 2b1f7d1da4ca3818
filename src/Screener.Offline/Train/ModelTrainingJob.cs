using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Screener.Analytics.Calibration;
using Screener.Analytics.Features;
using Screener.Analytics.Models;
using Screener.Offline.Export;
using Screener.Offline.Validate;

namespace Screener.Offline.Train;

/// <summary>
/// Training rows to a model ready to package: time split with a purge gap of the longest horizon; per head a FastTree
/// classifier (in play) and regressor (net edge) on the train split; an isotonic calibrator per classifier fitted on
/// the validation split's raw scores; the regime model on the train split; one ONNX file with every head and its node
/// covers (train split); and the calibrated figures on the test split. The same rows and options give the same bytes.
/// </summary>
public static class ModelTrainingJob
{
    /// <summary>Runs the job; <paramref name="progress"/> gets one line per step.</summary>
    /// <exception cref="ArgumentException">The rows are of another feature spec, or a split is empty or lacks a class for some head.</exception>
    public static TrainedModel Run(TrainingSet set, FeatureSpec spec, ModelTrainingOptions options, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (set.SpecHash != spec.Hash) throw new ArgumentException($"The rows are of feature spec {set.SpecHash}, not {spec.Hash}.", nameof(set));
        if (set.Heads.Count == 0) throw new ArgumentException("The rows have no heads.", nameof(set));
        var say = progress ?? (_ => { });

        var split = new TimeSplit(options.TrainFraction, options.ValidationFraction, options.TestFraction, set.Heads.Max(h => h.Horizon));
        var splits = split.Apply(set);
        say($"split: {splits}");
        Require(splits.Train, "train", set.Heads);
        Require(splits.Validation, "validation", set.Heads);
        Require(splits.Test, "test", set.Heads);

        var excluded = options.Excluded.Select(name => spec.TryIndexOf(name, out var i) ? i : throw new ArgumentException($"Cannot exclude '{name}': feature spec {spec.Hash} has no such feature.")).ToArray();
        if (excluded.Length > 0) say($"excluded from splits: {string.Join(", ", options.Excluded)}");
        var heads = new HeadTrainer(options.Trainer, p => say(p.ToString())).Train(set.Heads, Masked(splits.Train, excluded));

        var calibrators = new IProbabilityCalibrator[heads.Count];
        for (var h = 0; h < heads.Count; h++)
        {
            var scores = Scores(heads[h].InPlay, splits.Validation);
            var labels = splits.Validation.Select(r => r.Labels[h].InPlay).ToArray();
            calibrators[h] = IsotonicCalibrator.Fit(scores, labels, epsilon: options.CalibrationEpsilon);
            say($"calibrated {heads[h].Head.Name} on {scores.Length:N0} validation rows: {((IsotonicCalibrator)calibrators[h]).X.Length} breakpoints");
        }

        var regime = RegimeTrainer.Train(splits.Train, spec, options.RegimeClusters, options.Trainer.Seed);
        say($"regime model: {regime.Centroids.Count} regimes over {string.Join(", ", regime.Features)}");

        var treeHeads = heads.SelectMany(h => new[] { h.InPlay, h.NetEdge }).ToList();
        var covers = NodeCovers.Compute(treeHeads, Flatten(splits.Train, spec.Features.Count), spec.Features.Count);
        var trainingHash = TrainingHash(set, splits, options, spec);
        var onnx = OnnxModelWriter.Write(treeHeads, spec.Features.Count, options.Precision,
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["screener.feature_spec.hash"] = spec.Hash,
                ["screener.feature_spec.version"] = spec.Version,
                ["screener.training_hash"] = trainingHash,
            },
            covers);
        say($"model file: {treeHeads.Count} tree heads, {onnx.Length:N0} bytes ({OnnxModelWriter.PrecisionName(options.Precision)})");

        var metrics = new List<ManifestHeadMetrics>(heads.Count);
        for (var h = 0; h < heads.Count; h++)
        {
            var scores = Scores(heads[h].InPlay, splits.Test);
            var probabilities = scores.Select(calibrators[h].Apply).ToArray();
            var labels = splits.Test.Select(r => r.Labels[h].InPlay).ToArray();
            var edges = splits.Test.Select(r => (double)heads[h].NetEdge.Score(r.Features.AsSpan())).ToArray();
            var realized = splits.Test.Select(r => r.Labels[h].NetEdgeBps).ToArray();
            var m = new ManifestHeadMetrics(heads[h].Head.Name, labels.Length, labels.Count(l => l) / (double)labels.Length,
                Metrics.Auc(scores, labels), Metrics.Brier(probabilities, labels), Metrics.LogLoss(probabilities, labels),
                Metrics.ExpectedCalibrationError(probabilities, labels), Correlation(edges, realized));
            metrics.Add(m);
            say(string.Create(CultureInfo.InvariantCulture,
                $"test {m.Head}: AUC {m.Auc:F4}, Brier {m.Brier:F4}, log loss {m.LogLoss:F4}, ECE {m.Ece:F4}, net-edge correlation {m.NetEdgeCorrelation:F3} ({m.Rows:N0} rows, {m.InPlayRate:P1} in play)"));
        }

        return new TrainedModel(spec, set, splits, options, heads, calibrators, regime, onnx, metrics, trainingHash);
    }

    private static void Require(IReadOnlyList<TrainingRow> rows, string name, IReadOnlyList<TrainingHead> heads)
    {
        if (rows.Count == 0) throw new ArgumentException($"The {name} split is empty: the journal is too short for the split and its purge gap.");
        for (var h = 0; h < heads.Count; h++)
        {
            var positives = rows.Count(r => r.Labels[h].InPlay);
            if (positives == 0 || positives == rows.Count)
                throw new ArgumentException($"Head {heads[h].Name} has {(positives == 0 ? "no" : "only")} in-play rows in the {name} split ({rows.Count:N0} rows); a longer journal is needed.");
        }
    }

    /// <summary>The rows with the excluded features set to 0, so no tree splits on them.</summary>
    private static IReadOnlyList<TrainingRow> Masked(IReadOnlyList<TrainingRow> rows, int[] excluded)
    {
        if (excluded.Length == 0) return rows;
        return [.. rows.Select(r =>
        {
            var values = r.Features.AsSpan().ToArray();
            foreach (var i in excluded) values[i] = 0;
            return r with { Features = values };
        })];
    }

    /// <summary>The head's score of each row, as the model file computes it.</summary>
    internal static double[] Scores(TreeHead head, IReadOnlyList<TrainingRow> rows)
    {
        var scores = new double[rows.Count];
        for (var i = 0; i < rows.Count; i++) scores[i] = head.Score(rows[i].Features.AsSpan());
        return scores;
    }

    private static float[] Flatten(IReadOnlyList<TrainingRow> rows, int width)
    {
        var flat = new float[rows.Count * width];
        for (var i = 0; i < rows.Count; i++) rows[i].Features.AsSpan().CopyTo(flat.AsSpan(i * width, width));
        return flat;
    }

    private static double Correlation(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : 0;
    }

    /// <summary>SHA-256 over everything the model is a function of, first 16 hex digits.</summary>
    private static string TrainingHash(TrainingSet set, TrainingSplits splits, ModelTrainingOptions options, FeatureSpec spec)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{spec.Hash}\n{string.Join(',', set.Heads.Select(h => h.Name))}\n{options.Trainer}\n{options.TrainFraction}|{options.ValidationFraction}|{options.RegimeClusters}|{options.Precision}|{options.CalibrationEpsilon}\n{string.Join(',', options.Excluded)}\n{splits}\n")));
        Span<byte> buffer = stackalloc byte[8];
        foreach (var row in set.Rows)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(row.Symbol));
            BinaryPrimitives.WriteInt64LittleEndian(buffer, row.Time);
            hash.AppendData(buffer);
            foreach (var value in row.Features.AsSpan())
            {
                BinaryPrimitives.WriteSingleLittleEndian(buffer, value);
                hash.AppendData(buffer[..4]);
            }
            foreach (var label in row.Labels.AsSpan())
            {
                BinaryPrimitives.WriteDoubleLittleEndian(buffer, label.NetEdgeBps);
                hash.AppendData(buffer);
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
