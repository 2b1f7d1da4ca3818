using System.Text.Json.Serialization;
using Screener.Contracts.Market;

namespace Screener.Contracts.Serialization;

/// <summary>
/// Source-generated System.Text.Json metadata for every contract: the explicit wire and journal form
/// (camelCase names, enums as strings, NaN/Infinity as named literals, optional nulls omitted). A row missing a
/// required field is rejected, never read back as zeros.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    Converters = [typeof(EquatableArrayJsonConverterFactory)])]
[JsonSerializable(typeof(RawFrame))]
[JsonSerializable(typeof(MarketEvent))]
[JsonSerializable(typeof(Tick))]
[JsonSerializable(typeof(FeatureSnapshot))]
[JsonSerializable(typeof(PredictionSnapshot))]
[JsonSerializable(typeof(RankEvent))]
[JsonSerializable(typeof(FrameBatch))]
[JsonSerializable(typeof(PredictionBatch))]
[JsonSerializable(typeof(ModelSwitch))]
[JsonSerializable(typeof(EquatableArray<PriceLevel>))]
[JsonSerializable(typeof(EquatableArray<float>))]
[JsonSerializable(typeof(EquatableArray<string>))]
[JsonSerializable(typeof(EquatableArray<SymbolStream>))]
[JsonSerializable(typeof(EquatableArray<HeadPrediction>))]
[JsonSerializable(typeof(EquatableArray<Attribution>))]
[JsonSerializable(typeof(EquatableArray<RawFrame>))]
[JsonSerializable(typeof(EquatableArray<PredictionSnapshot>))]
[JsonSerializable(typeof(PriceLevel))]
[JsonSerializable(typeof(SymbolStream))]
[JsonSerializable(typeof(HeadPrediction))]
[JsonSerializable(typeof(Attribution))]
[JsonSerializable(typeof(float))]
[JsonSerializable(typeof(string))]
public sealed partial class ContractsJsonContext : JsonSerializerContext;
