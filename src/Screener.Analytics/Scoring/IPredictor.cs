using Screener.Contracts;

namespace Screener.Analytics.Scoring;

/// <summary>Turns a symbol's features into predictions. The baseline scorer and, later, ONNX models implement it.</summary>
public interface IPredictor
{
    /// <summary>Carried by every prediction, so users always know what produced a number.</summary>
    string ModelVersion { get; }

    PredictionSnapshot Predict(FeatureSnapshot features);
}
