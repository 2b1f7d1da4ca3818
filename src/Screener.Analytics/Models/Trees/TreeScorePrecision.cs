namespace Screener.Analytics.Models.Trees;

/// <summary>How the exported model evaluates its trees. Both read the same float input and give float outputs.</summary>
public enum TreeScorePrecision
{
    /// <summary>
    /// Float thresholds and leaf weights: ONNX Runtime's float tree kernel sums the leaves in float, while ML.NET sums in
    /// double, so scores differ from ML.NET's by a few float ulps (the split decisions are the same).
    /// </summary>
    Float,

    /// <summary>
    /// The input is cast to double once, thresholds and leaf weights are double tensors, and the Platt tail runs in
    /// double: ONNX Runtime then sums as ML.NET does and rounds once to float, giving ML.NET's scores bit for bit.
    /// </summary>
    Double,
}
