namespace Screener.Analytics.Models.Trees;

/// <summary>What a head predicts, which decides its ONNX outputs.</summary>
public enum TreeHeadKind
{
    /// <summary>A binary classifier: a raw score and its Platt probability (<c>&lt;head&gt;_score</c>, <c>&lt;head&gt;_probability</c>).</summary>
    BinaryClassifier,

    /// <summary>A regressor: one value (<c>&lt;head&gt;</c>).</summary>
    Regressor,
}
