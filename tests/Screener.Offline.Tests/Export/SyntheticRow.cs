using Microsoft.ML.Data;

namespace Screener.Offline.Tests.Export;

/// <summary>One training row for ML.NET: the features, a binary label and a regression target.</summary>
public sealed class SyntheticRow
{
    [VectorType(SyntheticRows.FeatureCount)]
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }

    public float Target { get; set; }
}
