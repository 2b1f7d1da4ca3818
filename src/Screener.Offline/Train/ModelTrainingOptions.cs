using Screener.Offline.Export;

namespace Screener.Offline.Train;

/// <summary>How <see cref="ModelTrainingJob"/> trains: the heads' learner, the split, the regime model, the export.</summary>
/// <param name="Trainer">FastTree sizes and seed of every head.</param>
/// <param name="TrainFraction">Share of the time-ordered rows for training.</param>
/// <param name="ValidationFraction">Share for validation (calibration); the rest is the test split.</param>
/// <param name="RegimeClusters">k of the regime model.</param>
/// <param name="Precision">How the ONNX file evaluates the trees.</param>
/// <param name="CalibrationEpsilon">Calibrated probabilities stay within [ε, 1 − ε].</param>
/// <param name="ExcludedFeatures">
/// Features the heads must not split on (held constant while training; the model still reads the full spec), for example
/// the time of day when the data span less than a few days and it would only tell the splits apart.
/// </param>
public sealed record ModelTrainingOptions(
    HeadTrainerSettings Trainer,
    double TrainFraction = 0.6,
    double ValidationFraction = 0.2,
    int RegimeClusters = 3,
    TreeScorePrecision Precision = TreeScorePrecision.Double,
    double CalibrationEpsilon = 1e-4,
    IReadOnlyList<string>? ExcludedFeatures = null)
{
    /// <summary>The time-of-day features of <see cref="Screener.Analytics.Features.MarketFeatures.Spec"/>.</summary>
    public static IReadOnlyList<string> TimeOfDay { get; } = ["tod_sin", "tod_cos"];

    public IReadOnlyList<string> Excluded => ExcludedFeatures ?? [];

    public static ModelTrainingOptions Default { get; } = new(HeadTrainerSettings.Default);

    public double TestFraction => 1 - TrainFraction - ValidationFraction;

    /// <exception cref="ArgumentException">Fractions that leave no split, fewer than 2 regimes, an epsilon outside [0, 0.01].</exception>
    public ModelTrainingOptions Validate()
    {
        Trainer.Validate();
        if (!(TrainFraction > 0) || !(ValidationFraction > 0) || !(TestFraction > 1e-9))
            throw new ArgumentException($"Train and validation fractions must be positive and leave a test split; were {TrainFraction} and {ValidationFraction}.");
        ArgumentOutOfRangeException.ThrowIfLessThan(RegimeClusters, 2);
        if (!(CalibrationEpsilon >= 0 && CalibrationEpsilon <= 0.01))
            throw new ArgumentOutOfRangeException(nameof(CalibrationEpsilon), CalibrationEpsilon, "Must be in [0, 0.01].");
        return this;
    }
}
