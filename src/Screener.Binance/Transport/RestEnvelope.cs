using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Screener.Binance.Transport;

/// <summary>
/// Wraps a REST response body so it can travel, be journaled and be replayed as a <see cref="Contracts.RawFrame"/>
/// of kind <see cref="Contracts.RawFrameKind.Rest"/>: <c>{"rest":"&lt;kind&gt;","symbol":"&lt;SYM&gt;","data":&lt;body verbatim&gt;}</c>.
/// The body is embedded unchanged (it must be one JSON value), so the journal keeps exactly what Binance sent.
/// </summary>
public static class RestEnvelope
{
    /// <summary>Kind of a depth snapshot (<c>GET /fapi/v1/depth</c>); decodes to a DepthSnapshot.</summary>
    public const string DepthKind = "depth";

    /// <summary>Kind of an open-interest poll (<c>GET /fapi/v1/openInterest</c>); decodes to OpenInterest.</summary>
    public const string OpenInterestKind = "openInterest";

    /// <summary>
    /// Kind of a premium-index poll (<c>GET /fapi/v1/premiumIndex</c>): with symbol <see cref="AllSymbols"/> the data is
    /// an array of rows (mark price, index price, funding rate, next funding time) limited to one shard's symbols.
    /// </summary>
    public const string PremiumIndexKind = "premiumIndex";

    /// <summary>
    /// Kind of a funding-info poll (<c>GET /fapi/v1/fundingInfo</c>), symbol <see cref="AllSymbols"/>: an array of rows
    /// (<c>fundingIntervalHours</c>…) limited to one shard's symbols of the universe.
    /// </summary>
    public const string FundingInfoKind = "fundingInfo";

    /// <summary>The envelope symbol of bodies that cover many symbols (arrays).</summary>
    public const string AllSymbols = "*";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Symbols may be non-ASCII (币安人生USDT); keep them readable UTF-8 rather than \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The envelope for a depth snapshot body of <paramref name="symbol"/>.</summary>
    /// <exception cref="ArgumentException">The body is not a single JSON value.</exception>
    public static byte[] Depth(string symbol, ReadOnlySpan<byte> body) => Create(DepthKind, symbol, body);

    /// <summary>The envelope for an open-interest body of <paramref name="symbol"/>.</summary>
    /// <exception cref="ArgumentException">The body is not a single JSON value.</exception>
    public static byte[] OpenInterest(string symbol, ReadOnlySpan<byte> body) => Create(OpenInterestKind, symbol, body);

    /// <summary>The envelope for any REST body; the decoder reports kinds it does not know as Unknown.</summary>
    /// <exception cref="ArgumentException">The body is not a single JSON value.</exception>
    public static byte[] Create(string kind, string symbol, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        var buffer = new ArrayBufferWriter<byte>(body.Length + 64);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("rest"u8, kind);
            writer.WriteString("symbol"u8, symbol);
            writer.WritePropertyName("data"u8);
            try
            {
                // Validation guarantees the envelope stays parseable whatever the server sent.
                writer.WriteRawValue(body, skipInputValidation: false);
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException)
            {
                throw new ArgumentException($"REST body for {symbol} is not a single JSON value: {ex.Message}", nameof(body), ex);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
