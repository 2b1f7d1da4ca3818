using System.Text.Json;
using Screener.Binance.Wire;

namespace Screener.Binance.Transport;

/// <summary>
/// Tells, from a raw combined-stream frame, whether it is a diff-depth frame and for which symbol, by reading only
/// the wrapper's <c>stream</c> name (normally the first key, so only a few tokens are read).
/// </summary>
internal static class DepthFrameSniffer
{
    /// <summary>The uppercase symbol of a <c>&lt;s&gt;@depth[@…ms]</c> frame; false for anything else, including broken JSON.</summary>
    public static bool TryGetDiffDepthSymbol(ReadOnlySpan<byte> frame, SymbolCache symbols, out string symbol)
    {
        symbol = "";
        try
        {
            var reader = new Utf8JsonReader(frame);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals("stream"u8))
                {
                    reader.Skip();
                    continue;
                }

                return reader.Read() && reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped
                    && StreamName.TryGetDiffDepthSymbol(reader.ValueSpan, out var name)
                    && symbols.TryGet(name, out symbol);
            }

            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
