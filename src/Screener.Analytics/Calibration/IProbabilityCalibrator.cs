namespace Screener.Analytics.Calibration;

/// <summary>
/// A fitted map from a model's raw score to a probability. Fitted offline (<see cref="IsotonicCalibrator.Fit"/>,
/// <see cref="PlattCalibrator.Fit"/>), stored as a <see cref="CalibratorSpec"/>, and applied online: immutable, so
/// one instance may be shared between threads; <see cref="Apply"/> does not allocate.
/// </summary>
public interface IProbabilityCalibrator
{
    /// <summary>One of <see cref="CalibratorKinds"/>.</summary>
    string Kind { get; }

    /// <summary>The calibrated probability of <paramref name="score"/>, in [0, 1]; NaN stays NaN.</summary>
    double Apply(double score);

    /// <summary>The serialisable form, which <see cref="CalibratorSpec.ToCalibrator"/> turns back into an equal calibrator.</summary>
    CalibratorSpec ToSpec();
}
