using Screener.Analytics.Calibration;
using Screener.Analytics.Features;
using Screener.Analytics.Models;
using Screener.Offline.Export;

namespace Screener.Offline.Train;

/// <summary>Everything one <see cref="ModelTrainingJob"/> run produced, before it is packaged.</summary>
/// <param name="Spec">The feature spec of the rows.</param>
/// <param name="Set">The training rows.</param>
/// <param name="Splits">Train / validation / test.</param>
/// <param name="Options">The options it ran with.</param>
/// <param name="Heads">Per head, the two models, in <see cref="TrainingSet.Heads"/> order.</param>
/// <param name="Calibrators">Per head, the in-play calibrator fitted on the validation split's raw scores.</param>
/// <param name="Regime">The regime model.</param>
/// <param name="Onnx">The model file: every head's classifier and regressor, one ONNX Runtime call.</param>
/// <param name="TestMetrics">Per head, calibrated figures on the test split.</param>
/// <param name="TrainingHash">SHA-256 (16 hex digits) over the rows, labels, heads, split and settings.</param>
public sealed record TrainedModel(
    FeatureSpec Spec,
    TrainingSet Set,
    TrainingSplits Splits,
    ModelTrainingOptions Options,
    IReadOnlyList<TrainedHead> Heads,
    IReadOnlyList<IProbabilityCalibrator> Calibrators,
    RegimeModelSpec Regime,
    byte[] Onnx,
    IReadOnlyList<ManifestHeadMetrics> TestMetrics,
    string TrainingHash)
{
    /// <summary>The in-play raw score of head <paramref name="h"/> for one row, as the ONNX file computes it (double path: exactly).</summary>
    public double InPlayScore(int h, ReadOnlySpan<float> features) => Heads[h].InPlay.Score(features);

    /// <summary>Calibrated P(in play) of head <paramref name="h"/>.</summary>
    public double InPlayProbability(int h, ReadOnlySpan<float> features) => Calibrators[h].Apply(InPlayScore(h, features));

    /// <summary>Expected net edge (bps) of head <paramref name="h"/>.</summary>
    public double NetEdge(int h, ReadOnlySpan<float> features) => Heads[h].NetEdge.Score(features);
}
