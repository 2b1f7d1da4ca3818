using System.Text.Json.Serialization;

namespace Screener.Analytics.Models;

/// <summary>The JSON form of model artifacts: camelCase, indented, no reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    NumberHandling = JsonNumberHandling.Strict, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ModelManifest))]
[JsonSerializable(typeof(RegimeModelSpec))]
public sealed partial class ModelJsonContext : JsonSerializerContext;
