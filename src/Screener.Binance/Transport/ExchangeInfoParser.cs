using System.Globalization;
using System.Text.Json;

namespace Screener.Binance.Transport;

/// <summary>
/// Reads <c>exchangeInfo</c> (futures or spot). A DOM is fine here: the call happens once at start-up, unlike
/// the stream decoder's per-frame path.
/// </summary>
internal static class ExchangeInfoParser
{
    /// <exception cref="JsonException">The body is not an exchangeInfo object.</exception>
    public static ExchangeInfo Parse(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("symbols", out var symbols)
            || symbols.ValueKind != JsonValueKind.Array)
            throw new JsonException("exchangeInfo has no 'symbols' array.");

        var parsed = new List<ExchangeSymbol>(symbols.GetArrayLength());
        foreach (var symbol in symbols.EnumerateArray()) parsed.Add(ParseSymbol(symbol));
        return new ExchangeInfo(parsed.ToArray(), RequestWeightPerMinute(root));
    }

    private static ExchangeSymbol ParseSymbol(JsonElement symbol)
    {
        decimal tick = 0, step = 0;
        if (symbol.TryGetProperty("filters", out var filters) && filters.ValueKind == JsonValueKind.Array)
        {
            foreach (var filter in filters.EnumerateArray())
            {
                switch (StringOf(filter, "filterType"))
                {
                    case "PRICE_FILTER": tick = DecimalOf(filter, "tickSize"); break;
                    case "LOT_SIZE": step = DecimalOf(filter, "stepSize"); break;
                }
            }
        }

        return new ExchangeSymbol(
            RequiredString(symbol, "symbol").ToUpperInvariant(),
            RequiredString(symbol, "status"),
            StringOf(symbol, "contractType"),
            StringOf(symbol, "baseAsset") ?? "",
            StringOf(symbol, "quoteAsset") ?? "",
            tick, step);
    }

    private static int? RequestWeightPerMinute(JsonElement root)
    {
        if (!root.TryGetProperty("rateLimits", out var limits) || limits.ValueKind != JsonValueKind.Array) return null;
        foreach (var limit in limits.EnumerateArray())
        {
            if (StringOf(limit, "rateLimitType") != "REQUEST_WEIGHT" || StringOf(limit, "interval") != "MINUTE") continue;
            if (!limit.TryGetProperty("intervalNum", out var num) || !num.TryGetInt32(out var minutes) || minutes <= 0) continue;
            if (limit.TryGetProperty("limit", out var value) && value.TryGetInt32(out var weight)) return weight / minutes;
        }

        return null;
    }

    private static string RequiredString(JsonElement element, string name) =>
        StringOf(element, name) ?? throw new JsonException($"exchangeInfo symbol without '{name}'.");

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static decimal DecimalOf(JsonElement element, string name) =>
        decimal.TryParse(StringOf(element, name), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : 0m;
}
