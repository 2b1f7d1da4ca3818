using Google.Protobuf;
using Screener.Analytics.Models.Trees.Onnx;

namespace Screener.Offline.Export;

/// <summary>Small builders for the ONNX protobuf messages the writer emits; every attribute gets its <c>type</c>, as ONNX requires.</summary>
internal static class OnnxProto
{
    public const string MlDomain = "ai.onnx.ml";

    public static NodeProto Node(string opType, string name, IEnumerable<string> inputs, string output, string domain = "", params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = name };
        if (domain.Length > 0)
            node.Domain = domain;
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        return node;
    }

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto String(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    public static AttributeProto Ints(string name, IEnumerable<long> values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }

    public static AttributeProto Floats(string name, IEnumerable<float> values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Floats };
        a.Floats.AddRange(values);
        return a;
    }

    public static AttributeProto Strings(string name, IEnumerable<string> values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Strings };
        a.Strings.AddRange(values.Select(ByteString.CopyFromUtf8));
        return a;
    }

    public static AttributeProto Tensor(string name, TensorProto value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Tensor, T = value };

    /// <summary>A one-dimensional double tensor.</summary>
    public static TensorProto Doubles(IReadOnlyCollection<double> values, string? name = null)
    {
        var t = new TensorProto { DataType = (int)TensorProto.Types.DataType.Double };
        if (name is not null)
            t.Name = name;
        t.Dims.Add(values.Count);
        t.DoubleData.AddRange(values);
        return t;
    }

    /// <summary>A rank-0 float tensor (broadcasts against anything).</summary>
    public static TensorProto FloatScalar(string name, float value)
    {
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        t.FloatData.Add(value);
        return t;
    }

    /// <summary>A rank-0 double tensor (broadcasts against anything).</summary>
    public static TensorProto DoubleScalar(string name, double value)
    {
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Double };
        t.DoubleData.Add(value);
        return t;
    }

    /// <summary>A float tensor value named <paramref name="name"/> of shape [N, <paramref name="columns"/>], N symbolic.</summary>
    public static ValueInfoProto FloatMatrix(string name, long columns) => new()
    {
        Name = name,
        Type = new TypeProto
        {
            TensorType = new TypeProto.Types.Tensor
            {
                ElemType = (int)TensorProto.Types.DataType.Float,
                Shape = new TensorShapeProto
                {
                    Dim =
                    {
                        new TensorShapeProto.Types.Dimension { DimParam = "N" },
                        new TensorShapeProto.Types.Dimension { DimValue = columns },
                    },
                },
            },
        },
    };
}
