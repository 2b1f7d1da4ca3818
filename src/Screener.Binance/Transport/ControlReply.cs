using System.Globalization;
using System.Text.Json;

namespace Screener.Binance.Transport;

/// <summary>
/// A reply to a control message: <c>{"result":null,"id":1}</c>, <c>{"result":["a","b"],"id":3}</c> or
/// <c>{"error":{"code":2,"msg":"…"},"id":1}</c> (id may be null when the request could not be parsed).
/// </summary>
/// <param name="Id">The request id, or null.</param>
/// <param name="Result">The <c>result</c> array of strings (LIST_SUBSCRIPTIONS), or null.</param>
/// <param name="ErrorCode">The error code, when the reply is an error.</param>
/// <param name="ErrorMessage">The error message, when the reply is an error.</param>
internal sealed record ControlReply(long? Id, string[]? Result, int? ErrorCode, string? ErrorMessage)
{
    public bool IsError => ErrorCode is not null || ErrorMessage is not null;

    public string DescribeError() => $"code {ErrorCode?.ToString(CultureInfo.InvariantCulture) ?? "?"} '{ErrorMessage}'";

    /// <summary>
    /// True when <paramref name="frame"/> is a control reply rather than market data. Data frames are recognised
    /// from their first key (<c>e</c>, <c>stream</c>, <c>data</c>) or an array, so the common case reads two tokens.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> frame, out ControlReply reply)
    {
        reply = null!;
        // Market data as Binance writes it (no whitespace) is recognised by its first key without a JSON reader.
        if (frame.StartsWith("{\"e\":"u8) || frame.StartsWith("{\"stream\":"u8)) return false;
        try
        {
            var reader = new Utf8JsonReader(frame);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName) return false;
            if (reader.ValueTextEquals("e"u8) || reader.ValueTextEquals("stream"u8) || reader.ValueTextEquals("data"u8)) return false;

            long? id = null;
            var hasId = false;
            var hasOutcome = false;
            string[]? result = null;
            int? code = null;
            string? message = null;
            do
            {
                if (reader.ValueTextEquals("id"u8))
                {
                    hasId = true;
                    reader.Read();
                    id = reader.TokenType switch
                    {
                        JsonTokenType.Number when reader.TryGetInt64(out var n) => n,
                        JsonTokenType.String when long.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
                        _ => null,
                    };
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
                }
                else if (reader.ValueTextEquals("result"u8))
                {
                    hasOutcome = true;
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartArray) result = ReadStrings(ref reader);
                    else if (reader.TokenType == JsonTokenType.StartObject) reader.Skip();
                }
                else if (reader.ValueTextEquals("error"u8))
                {
                    hasOutcome = true;
                    reader.Read();
                    (code, message) = ReadError(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            } while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName);

            if (!hasId || !hasOutcome) return false;
            reply = new ControlReply(id, result, code, message ?? (code is null ? null : ""));
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string[] ReadStrings(ref Utf8JsonReader reader)
    {
        var items = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String) items.Add(reader.GetString()!);
            else reader.Skip();
        }

        return items.ToArray();
    }

    private static (int? Code, string? Message) ReadError(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : "error";
            reader.Skip();
            return (null, text);
        }

        int? code = null;
        string? message = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isCode = reader.ValueTextEquals("code"u8);
            var isMessage = reader.ValueTextEquals("msg"u8);
            reader.Read();
            if (isCode && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var c)) code = c;
            else if (isMessage && reader.TokenType == JsonTokenType.String) message = reader.GetString();
            else reader.Skip();
        }

        return (code ?? -1, message ?? "");
    }
}
