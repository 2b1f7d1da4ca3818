using Microsoft.ML.OnnxRuntime;
using Screener.Offline.Export;
using Xunit.Abstractions;

namespace Screener.Offline.Tests.Export;

/// <summary>The exported file as ONNX Runtime sees it: one input, every head's outputs, the metadata, the size.</summary>
[Collection(TrainedHeadsCollection.Name)]
public sealed class ExportedModelSpec(TrainedHeadsFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<TreeScorePrecision> Precisions => [TreeScorePrecision.Float, TreeScorePrecision.Double];

    [Theory]
    [MemberData(nameof(Precisions))]
    public void OnnxModel_must_have_one_float_input_and_every_heads_outputs(TreeScorePrecision precision)
    {
        var session = fixture.Session(precision);
        output.WriteLine($"{precision}: {new FileInfo(fixture.ModelPath(precision)).Length:N0} bytes for 4 heads x {TrainedHeadsFixture.Trees} trees; fixture set-up {fixture.SetupTime.TotalSeconds:F1} s (training {fixture.TrainingTime.TotalSeconds:F1} s)");

        var input = Assert.Single(session.InputMetadata);
        Assert.Equal(OnnxModelWriter.InputName, input.Key);
        Assert.Equal(typeof(float), input.Value.ElementType);
        Assert.Equal([-1, SyntheticRows.FeatureCount], input.Value.Dimensions);
        Assert.Equal(["ft_up_score", "ft_up_probability", "ft_ret", "lgb_up_score", "lgb_up_probability", "lgb_ret"], session.OutputNames);
        Assert.All(session.OutputMetadata.Values, o =>
        {
            Assert.Equal(typeof(float), o.ElementType);
            Assert.Equal([-1, 1], o.Dimensions);
        });
        var onnx = fixture.Onnx(precision, TrainedHeadsFixture.Clean);
        Assert.All(onnx.Values, v => Assert.Equal(TrainedHeadsFixture.TestRows, v.Length));
    }

    [Theory]
    [MemberData(nameof(Precisions))]
    public void OnnxModel_must_carry_the_callers_metadata_and_the_writers_own(TreeScorePrecision precision)
    {
        var metadata = fixture.Session(precision).ModelMetadata.CustomMetadataMap;

        foreach (var (key, value) in TrainedHeadsFixture.CallerMetadata)
            Assert.Equal(value, metadata[key]);
        Assert.Equal(precision == TreeScorePrecision.Double ? "double" : "float", metadata[OnnxModelWriter.PrecisionKey]);
        Assert.Contains("\"name\":\"lgb_up\"", metadata[OnnxModelWriter.HeadsKey], StringComparison.Ordinal);
        Assert.True(metadata.ContainsKey(NodeCovers.MetadataKey));
    }
}
