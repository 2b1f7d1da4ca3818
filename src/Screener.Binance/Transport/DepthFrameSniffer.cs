using System.Text.Json;

namespace Screener.Binance.Transport;

/// <summary>
/// Tells, from a raw frame, whether it is a diff-depth frame and for which symbol, reading as little as possible:
/// a combined-stream wrapper by its <c>stream</c> name (<c>&lt;s&gt;@depth[@…ms]</c>, normally the first key), a bare
/// payload (the <c>/ws</c> endpoint) by <c>"e":"depthUpdate"</c> and its <c>s</c>. A bare futures partial-depth payload
/// looks the same; the connection planner never subscribes partial depth.
/// </summary>
internal static class DepthFrameSniffer
{
    /// <summary>The uppercase symbol of a diff-depth frame; false for anything else, including broken JSON.</summary>
    public static bool TryGetDiffDepthSymbol(ReadOnlySpan<byte> frame, out string symbol)
    {
        symbol = "";
        try
        {
            var reader = new Utf8JsonReader(frame);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName) return false;
            if (reader.ValueTextEquals("stream"u8)) return reader.Read() && reader.TokenType == JsonTokenType.String && FromStreamName(reader.GetString()!, out symbol);
            if (!reader.ValueTextEquals("e"u8)) return ScanWrapper(ref reader, out symbol);
            if (!reader.Read() || reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals("depthUpdate"u8)) return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals("s"u8))
                {
                    reader.Read();
                    reader.Skip();
                    continue;
                }

                if (!reader.Read() || reader.TokenType != JsonTokenType.String) return false;
                symbol = reader.GetString()!.ToUpperInvariant();
                return symbol.Length > 0;
            }

            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A wrapper whose <c>stream</c> key is not first (<c>{"data":…,"stream":…}</c>).</summary>
    private static bool ScanWrapper(ref Utf8JsonReader reader, out string symbol)
    {
        symbol = "";
        do
        {
            var isStream = reader.ValueTextEquals("stream"u8);
            reader.Read();
            if (isStream) return reader.TokenType == JsonTokenType.String && FromStreamName(reader.GetString()!, out symbol);
            reader.Skip();
        } while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName);

        return false;
    }

    /// <summary><c>btcusdt@depth</c>, <c>btcusdt@depth@100ms</c> → BTCUSDT; partial depth (<c>@depth20</c>) is not a diff.</summary>
    private static bool FromStreamName(string name, out string symbol)
    {
        symbol = "";
        var at = name.IndexOf("@depth", StringComparison.Ordinal);
        if (at <= 0) return false;
        var rest = name.AsSpan(at + "@depth".Length);
        if (!(rest.IsEmpty || rest[0] == '@')) return false;
        symbol = name[..at].ToUpperInvariant();
        return true;
    }
}
