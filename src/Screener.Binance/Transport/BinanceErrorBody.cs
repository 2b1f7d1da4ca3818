using System.Text;
using System.Text.Json;

namespace Screener.Binance.Transport;

/// <summary>Binance's REST error body <c>{"code":-1121,"msg":"Invalid symbol."}</c>, or the start of a non-JSON body (WAF pages).</summary>
internal readonly record struct BinanceErrorBody(int? Code, string? Message)
{
    private const int MaxRawMessage = 200;

    public static BinanceErrorBody Parse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty) return default;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return Raw(body);
            int? code = null;
            string? message = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isCode = reader.ValueTextEquals("code"u8);
                var isMessage = reader.ValueTextEquals("msg"u8);
                if (!reader.Read()) break;
                if (isCode && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var c)) code = c;
                else if (isMessage && reader.TokenType == JsonTokenType.String) message = reader.GetString();
                else reader.Skip();
            }

            return code is null && message is null ? Raw(body) : new BinanceErrorBody(code, message);
        }
        catch (JsonException)
        {
            return Raw(body);
        }
    }

    private static BinanceErrorBody Raw(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, MaxRawMessage)]).Trim();
        return new BinanceErrorBody(null, text.Length == 0 ? null : text);
    }
}
