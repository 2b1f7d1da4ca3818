using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Screener.Contracts;

namespace Screener.Binance.Subscriptions;

/// <summary>One control message: <c>{"method":"SUBSCRIBE","params":[…],"id":n}</c> or <c>{"method":"LIST_SUBSCRIPTIONS","id":n}</c>.</summary>
/// <param name="Method"><c>SUBSCRIBE</c>, <c>UNSUBSCRIBE</c> or <c>LIST_SUBSCRIPTIONS</c>.</param>
/// <param name="Streams">Stream names (empty for LIST_SUBSCRIPTIONS).</param>
/// <param name="Id">Request id, echoed in the reply.</param>
public sealed record ControlRequest(string Method, EquatableArray<string> Streams, long Id)
{
    /// <summary>Method name of a subscription.</summary>
    public const string Subscribe = "SUBSCRIBE";

    /// <summary>Method name of the subscription listing.</summary>
    public const string ListSubscriptions = "LIST_SUBSCRIPTIONS";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The UTF-8 JSON text to send.</summary>
    public byte[] ToUtf8Json()
    {
        var buffer = new ArrayBufferWriter<byte>(64 + Streams.Count * 24);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("method"u8, Method);
            if (Method != ListSubscriptions)
            {
                writer.WriteStartArray("params"u8);
                foreach (var stream in Streams) writer.WriteStringValue(stream);
                writer.WriteEndArray();
            }

            writer.WriteNumber("id"u8, Id);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <inheritdoc />
    public override string ToString() => System.Text.Encoding.UTF8.GetString(ToUtf8Json());
}
