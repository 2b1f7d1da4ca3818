using System.Globalization;
using System.Text.Json;

namespace Screener.Binance.Universe;

/// <summary>
/// Reads the start-up REST arrays the universe needs (<c>ticker/24hr</c>, <c>fundingInfo</c>). A DOM is fine here:
/// each is read once at start-up, not per frame.
/// </summary>
internal static class UniverseRows
{
    /// <summary><c>[{"symbol":"BTCUSDT","quoteVolume":"1.2",…},…]</c> → symbol → quote volume. Rows without both are skipped.</summary>
    /// <exception cref="JsonException">Not a JSON array.</exception>
    public static Dictionary<string, decimal> QuoteVolumes(ReadOnlySpan<byte> body)
    {
        var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var row in Rows(body, "ticker/24hr"))
            if (SymbolOf(row) is { } symbol && row.TryGetProperty("quoteVolume", out var volume)
                && volume.ValueKind == JsonValueKind.String
                && decimal.TryParse(volume.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                result[symbol] = value;
        return result;
    }

    /// <summary><c>[{"symbol":"XAUUSDT","fundingIntervalHours":4,…},…]</c> → symbol → hours. Rows without a positive interval are skipped.</summary>
    /// <exception cref="JsonException">Not a JSON array.</exception>
    public static Dictionary<string, int> FundingIntervals(ReadOnlySpan<byte> body)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in Rows(body, "fundingInfo"))
            if (SymbolOf(row) is { } symbol && row.TryGetProperty("fundingIntervalHours", out var hours)
                && hours.ValueKind == JsonValueKind.Number && hours.TryGetInt32(out var value) && value > 0)
                result[symbol] = value;
        return result;
    }

    private static List<JsonElement> Rows(ReadOnlySpan<byte> body, string what)
    {
        var reader = new Utf8JsonReader(body);
        using var document = JsonDocument.ParseValue(ref reader);
        if (document.RootElement.ValueKind != JsonValueKind.Array) throw new JsonException($"{what} is not a JSON array.");
        return document.RootElement.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Object).Select(r => r.Clone()).ToList();
    }

    private static string? SymbolOf(JsonElement row) =>
        row.TryGetProperty("symbol", out var symbol) && symbol.ValueKind == JsonValueKind.String
            ? symbol.GetString()?.ToUpperInvariant()
            : null;
}
