using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Screener.Binance.Transport;

/// <summary>Splits a REST array body (<c>[{"symbol":…},…]</c>) into per-group arrays, each row's JSON kept verbatim.</summary>
internal static class RestRows
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Rows whose uppercase <c>symbol</c> maps to a group, as one JSON array per group (rows in body order). Rows of
    /// other symbols (COIN-M rows, symbols outside the universe) are left out.
    /// </summary>
    /// <exception cref="JsonException">The body is not a JSON array.</exception>
    public static Dictionary<string, byte[]> SplitBySymbol(ReadOnlySpan<byte> body, Func<string, string?> groupOf)
    {
        var reader = new Utf8JsonReader(body);
        using var document = JsonDocument.ParseValue(ref reader);
        if (document.RootElement.ValueKind != JsonValueKind.Array) throw new JsonException("Expected a JSON array of rows.");

        var groups = new Dictionary<string, (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)>(StringComparer.Ordinal);
        try
        {
            foreach (var row in document.RootElement.EnumerateArray())
            {
                if (row.ValueKind != JsonValueKind.Object || !row.TryGetProperty("symbol", out var symbol)
                    || symbol.ValueKind != JsonValueKind.String || groupOf(symbol.GetString()!.ToUpperInvariant()) is not { } group)
                    continue;
                if (!groups.TryGetValue(group, out var output))
                {
                    var buffer = new ArrayBufferWriter<byte>(1024);
                    output = (buffer, new Utf8JsonWriter(buffer, WriterOptions));
                    output.Writer.WriteStartArray();
                    groups[group] = output;
                }

                output.Writer.WriteRawValue(row.GetRawText(), skipInputValidation: true);
            }

            var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var (group, (buffer, writer)) in groups)
            {
                writer.WriteEndArray();
                writer.Flush();
                result[group] = buffer.WrittenSpan.ToArray();
            }

            return result;
        }
        finally
        {
            foreach (var (_, writer) in groups.Values) writer.Dispose();
        }
    }
}
