using System.Text.Json.Serialization;

namespace Screener.Sim.Server;

/// <summary>Source-generated JSON metadata; reflection-based serialisation is disabled in trimmed hosts.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class SimJsonContext : JsonSerializerContext;
