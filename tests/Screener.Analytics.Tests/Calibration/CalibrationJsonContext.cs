using System.Text.Json.Serialization;
using Screener.Analytics.Calibration;

namespace Screener.Analytics.Tests.Calibration;

/// <summary>Source-generated metadata for <see cref="CalibratorSpec"/> with the manifest's options.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CalibratorSpec))]
internal sealed partial class CalibrationJsonContext : JsonSerializerContext;
