using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Screener.Contracts.Market;

namespace Screener.Contracts.Serialization;

/// <summary>
/// The versioned serialized form of the contracts. Each message type has a stable manifest (<c>Name.vN</c>),
/// never a CLR type name, so types can move or be renamed without orphaning journal rows. A new wire version
/// gets a new manifest and an upcast in <see cref="Deserialize"/>; old manifests stay readable.
/// </summary>
public static class ContractSerializer
{
    public const string RawFrameV1 = "RawFrame.v1";
    public const string MarketEventV1 = "MarketEvent.v1";
    public const string TickV1 = "Tick.v1";
    public const string FeatureSnapshotV1 = "FeatureSnapshot.v1";
    public const string PredictionSnapshotV1 = "PredictionSnapshot.v1";
    public const string RankEventV1 = "RankEvent.v1";
    public const string PredictionBatchV1 = "PredictionBatch.v1";
    public const string ModelSwitchV1 = "ModelSwitch.v1";

    /// <summary>Frame batches are large and repetitive: JSON compressed with Brotli.</summary>
    public const string FrameBatchV1Brotli = "FrameBatch.v1+br";

    private static readonly ContractsJsonContext Context = ContractsJsonContext.Default;

    public static string ManifestOf(IScreenerMessage message) => message switch
    {
        RawFrame => RawFrameV1,
        MarketEvent => MarketEventV1,
        Tick => TickV1,
        FeatureSnapshot => FeatureSnapshotV1,
        PredictionSnapshot => PredictionSnapshotV1,
        RankEvent => RankEventV1,
        PredictionBatch => PredictionBatchV1,
        ModelSwitch => ModelSwitchV1,
        FrameBatch => FrameBatchV1Brotli,
        _ => throw new ArgumentException($"No manifest for {message.GetType().Name}.", nameof(message)),
    };

    public static byte[] Serialize(IScreenerMessage message) => message switch
    {
        FrameBatch batch => Compress(JsonSerializer.SerializeToUtf8Bytes(batch, Context.FrameBatch)),
        _ => ToJson(message),
    };

    /// <summary>Canonical JSON of a message (uncompressed). Equal messages give equal bytes.</summary>
    public static byte[] ToJson(IScreenerMessage message) => message switch
    {
        RawFrame m => JsonSerializer.SerializeToUtf8Bytes(m, Context.RawFrame),
        MarketEvent m => JsonSerializer.SerializeToUtf8Bytes(m, Context.MarketEvent),
        Tick m => JsonSerializer.SerializeToUtf8Bytes(m, Context.Tick),
        FeatureSnapshot m => JsonSerializer.SerializeToUtf8Bytes(m, Context.FeatureSnapshot),
        PredictionSnapshot m => JsonSerializer.SerializeToUtf8Bytes(m, Context.PredictionSnapshot),
        RankEvent m => JsonSerializer.SerializeToUtf8Bytes(m, Context.RankEvent),
        PredictionBatch m => JsonSerializer.SerializeToUtf8Bytes(m, Context.PredictionBatch),
        ModelSwitch m => JsonSerializer.SerializeToUtf8Bytes(m, Context.ModelSwitch),
        FrameBatch m => JsonSerializer.SerializeToUtf8Bytes(m, Context.FrameBatch),
        _ => throw new ArgumentException($"Not a contract: {message.GetType().Name}.", nameof(message)),
    };

    /// <summary>Reads a message; a damaged row (bad JSON, missing field, bad compression) throws <see cref="JsonException"/>.</summary>
    public static IScreenerMessage Deserialize(ReadOnlySpan<byte> bytes, string manifest)
    {
        try
        {
            return DeserializeUnchecked(bytes, manifest);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or InvalidDataException)
        {
            throw new JsonException($"Damaged {manifest} payload: {e.Message}", e);
        }
    }

    private static IScreenerMessage DeserializeUnchecked(ReadOnlySpan<byte> bytes, string manifest) => manifest switch
    {
        RawFrameV1 => Read(bytes, Context.RawFrame),
        MarketEventV1 => Read(bytes, Context.MarketEvent),
        TickV1 => Read(bytes, Context.Tick),
        FeatureSnapshotV1 => Read(bytes, Context.FeatureSnapshot),
        PredictionSnapshotV1 => Read(bytes, Context.PredictionSnapshot),
        RankEventV1 => Read(bytes, Context.RankEvent),
        PredictionBatchV1 => Read(bytes, Context.PredictionBatch),
        ModelSwitchV1 => Read(bytes, Context.ModelSwitch),
        FrameBatchV1Brotli => Read(Decompress(bytes), Context.FrameBatch),
        _ => throw new ArgumentException($"Unknown manifest '{manifest}'.", nameof(manifest)),
    };

    private static T Read<T>(ReadOnlySpan<byte> bytes, JsonTypeInfo<T> info) where T : IScreenerMessage =>
        JsonSerializer.Deserialize(bytes, info) ?? throw new JsonException($"Null {typeof(T).Name} payload.");

    private static byte[] Compress(byte[] json)
    {
        using var output = new MemoryStream(json.Length / 4 + 64);
        using (var brotli = new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true))
            brotli.Write(json);
        return output.ToArray();
    }

    private static byte[] Decompress(ReadOnlySpan<byte> compressed)
    {
        using var input = new MemoryStream(compressed.ToArray());
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream(compressed.Length * 4);
        brotli.CopyTo(output);
        return output.ToArray();
    }
}
