using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Screener.Sim.Market;

namespace Screener.Sim.Server;

/// <summary>
/// <c>GET /fapi/v1/exchangeInfo</c> body in the shape (and key order) of the 2026 recording: each simulated
/// symbol is a TRADING USDT perpetual with the usual filters, followed by the <see cref="ExtraListings"/>.
/// </summary>
internal static class ExchangeInfoWriter
{
    public static byte[] Write(IReadOnlyList<Listing> listings, int requestWeightLimit, long serverTimeMs)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("timezone", "UTC");
            w.WriteNumber("serverTime", serverTimeMs);
            w.WriteString("futuresType", "U_MARGINED");
            w.WriteStartArray("rateLimits");
            RateLimit(w, "REQUEST_WEIGHT", "MINUTE", 1, requestWeightLimit);
            RateLimit(w, "ORDERS", "MINUTE", 1, 1200);
            RateLimit(w, "ORDERS", "SECOND", 10, 300);
            w.WriteEndArray();
            w.WriteStartArray("exchangeFilters");
            w.WriteEndArray();
            w.WriteStartArray("assets");
            foreach (var asset in listings.Select(l => l.QuoteAsset).Distinct())
            {
                w.WriteStartObject();
                w.WriteString("asset", asset);
                w.WriteBoolean("marginAvailable", true);
                w.WriteString("autoAssetExchange", "-10000");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("symbols");
            foreach (var listing in listings) Symbol(w, listing);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void RateLimit(Utf8JsonWriter w, string type, string interval, int intervalNum, int limit)
    {
        w.WriteStartObject();
        w.WriteString("rateLimitType", type);
        w.WriteString("interval", interval);
        w.WriteNumber("intervalNum", intervalNum);
        w.WriteNumber("limit", limit);
        w.WriteEndObject();
    }

    private static void Symbol(Utf8JsonWriter w, Listing listing)
    {
        var spec = listing.Spec;
        w.WriteStartObject();
        w.WriteString("symbol", listing.Symbol);
        w.WriteString("pair", listing.Pair);
        w.WriteString("contractType", listing.ContractType);
        w.WriteNumber("deliveryDate", listing.DeliveryDateMs);
        w.WriteNumber("onboardDate", listing.OnboardDateMs);
        w.WriteString("status", listing.Status);
        w.WriteString("maintMarginPercent", "2.5000");
        w.WriteString("requiredMarginPercent", "5.0000");
        w.WriteString("baseAsset", spec.BaseAsset);
        w.WriteString("quoteAsset", listing.QuoteAsset);
        w.WriteString("marginAsset", listing.QuoteAsset);
        w.WriteNumber("pricePrecision", spec.PricePrecision);
        w.WriteNumber("quantityPrecision", spec.QuantityPrecision);
        w.WriteNumber("baseAssetPrecision", 8);
        w.WriteNumber("quotePrecision", 8);
        w.WriteString("underlyingType", "COIN");
        Strings(w, "underlyingSubType", "Crypto");
        w.WriteString("triggerProtect", "0.0500");
        w.WriteString("liquidationFee", "0.012500");
        w.WriteString("marketTakeBound", "0.05");
        w.WriteNumber("maxMoveOrderLimit", 10000);
        Filters(w, spec);
        Strings(w, "orderTypes", "LIMIT", "MARKET", "STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET");
        Strings(w, "timeInForce", "GTC", "IOC", "FOK", "GTX", "GTD");
        Strings(w, "permissionSets", "GRID", "COPY", "DCA", "PSB");
        w.WriteEndObject();
    }

    private static void Filters(Utf8JsonWriter w, SymbolSpec spec)
    {
        var price = (decimal p) => Fixed(p, spec.PricePrecision);
        var quantity = (decimal q) => Fixed(q, spec.QuantityPrecision);
        w.WriteStartArray("filters");
        w.WriteStartObject();
        w.WriteString("maxPrice", Whole(spec.InitialPrice * 50));
        w.WriteString("tickSize", price(spec.TickSize));
        w.WriteString("filterType", "PRICE_FILTER");
        w.WriteString("minPrice", price(Math.Max(spec.TickSize, Math.Round(spec.InitialPrice / 150, spec.PricePrecision))));
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("stepSize", quantity(spec.StepSize));
        w.WriteString("minQty", quantity(spec.StepSize));
        w.WriteString("maxQty", Whole(spec.StepSize * 1_000_000));
        w.WriteString("filterType", "LOT_SIZE");
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("minQty", quantity(spec.StepSize));
        w.WriteString("maxQty", Whole(spec.StepSize * 120_000));
        w.WriteString("filterType", "MARKET_LOT_SIZE");
        w.WriteString("stepSize", quantity(spec.StepSize));
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("filterType", "MAX_NUM_ORDERS");
        w.WriteNumber("limit", 200);
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("notional", Whole(spec.MinNotional));
        w.WriteString("filterType", "MIN_NOTIONAL");
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("multiplierDown", "0.9500");
        w.WriteString("multiplierUp", "1.0500");
        w.WriteString("multiplierDecimal", "4");
        w.WriteString("filterType", "PERCENT_PRICE");
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("filterType", "POSITION_RISK_CONTROL");
        w.WriteString("positionControlSide", "NONE");
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter w, string name, params string[] values)
    {
        w.WriteStartArray(name);
        foreach (var value in values) w.WriteStringValue(value);
        w.WriteEndArray();
    }

    private static string Fixed(decimal value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    /// <summary>Bounds such as maxPrice/maxQty/notional print without decimals in the recording ("4529764", "1000", "50").</summary>
    private static string Whole(decimal value) => Math.Max(1, Math.Round(value)).ToString("F0", CultureInfo.InvariantCulture);
}
