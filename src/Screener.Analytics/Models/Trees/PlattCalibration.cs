namespace Screener.Analytics.Models.Trees;

/// <summary>
/// ML.NET's Platt calibrator: <c>P = 1 / (1 + exp(Slope * score + Offset))</c>, in double, then rounded to float
/// (<c>PlattCalibrator.PredictProbability</c>). FastTree sets Slope = -2 * learning rate and LightGBM Slope = -sigmoid
/// (default -0.5); both set Offset = 0.
/// </summary>
public sealed record PlattCalibration(double Slope, double Offset)
{
    /// <summary>The probability ML.NET gives for <paramref name="score"/>, operation for operation (NaN stays NaN).</summary>
    public float Probability(float score) =>
        float.IsNaN(score) ? score : (float)(1 / (1 + Math.Exp(Slope * score + Offset)));
}
