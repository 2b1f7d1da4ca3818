using System.Buffers;
using System.Text.Json;

namespace Screener.Sim.Server;

/// <summary>Compact reply frames, keys in the live order: <c>{"result":…,"id":…}</c> and <c>{"error":{"code","msg"},"id":…}</c>.</summary>
internal static class ControlReplies
{
    public static byte[] Null(RequestId id) => Write(id, static w => w.WriteNull("result"u8));

    public static byte[] Boolean(bool value, RequestId id) => Write(id, w => w.WriteBoolean("result"u8, value));

    public static byte[] List(IReadOnlyList<string> streams, RequestId id) => Write(id, w =>
    {
        w.WriteStartArray("result"u8);
        foreach (var stream in streams) w.WriteStringValue(stream);
        w.WriteEndArray();
    });

    public static byte[] Error(ControlError error) => Write(error.Id, w =>
    {
        w.WriteStartObject("error"u8);
        w.WriteNumber("code"u8, error.Code);
        w.WriteString("msg"u8, error.Message);
        w.WriteEndObject();
    });

    private static byte[] Write(RequestId id, Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WritePropertyName("id"u8);
            writer.WriteRawValue(id.Json, skipInputValidation: true);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
