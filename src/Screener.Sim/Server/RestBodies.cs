using System.Buffers;
using System.Text.Json;
using Screener.Sim.Market;

namespace Screener.Sim.Server;

/// <summary>
/// fapi REST response bodies, compact, keys in the order of the documented responses (the 2026 recordings
/// agree, except ticker/24hr whose recording was key-sorted by the tool that captured it).
/// </summary>
internal static class RestBodies
{
    /// <summary>Some 2025-26 listings were adjusted on this date (the recording's <c>updateTime</c> of a 4 h row).</summary>
    private const long AdjustedAtMs = 1_769_796_333_728;

    public static byte[] ServerTime(long nowMs) => Object(w => w.WriteNumber("serverTime", nowMs));

    public static byte[] Depth(BookSnapshot snapshot, long nowMs) => Object(w =>
    {
        w.WriteNumber("lastUpdateId", snapshot.LastUpdateId);
        w.WriteNumber("E", Math.Max(nowMs, snapshot.TransactionTimeMs));
        w.WriteNumber("T", snapshot.TransactionTimeMs);
        Levels(w, "bids", snapshot.Bids);
        Levels(w, "asks", snapshot.Asks);
    });

    public static byte[] Ticker(TickerRow row) => Write(w => Ticker(w, row));

    public static byte[] Tickers(IReadOnlyList<TickerRow> rows) => Write(w => Rows(w, rows, Ticker));

    public static byte[] Premium(PremiumRow row) => Write(w => Premium(w, row));

    public static byte[] Premiums(IReadOnlyList<PremiumRow> rows) => Write(w => Rows(w, rows, Premium));

    public static byte[] OpenInterest(OpenInterestRow row) => Object(w =>
    {
        w.WriteString("symbol", row.Symbol);
        w.WriteString("openInterest", row.OpenInterest);
        w.WriteNumber("time", row.Time);
    });

    /// <summary>
    /// One row per simulated perpetual. Both number styles of the recording appear ("0.00300" on 8 h rows,
    /// "0.00500000" on 4 h rows), and <c>updateTime</c> is null on 8 h rows, so parsers meet both.
    /// </summary>
    public static byte[] FundingInfo(IReadOnlyList<SymbolSpec> specs) => Write(w => Rows(w, specs, static (w, spec) =>
    {
        var fourHours = spec.FundingIntervalHours < 8;
        var decimals = fourHours ? 8 : 5;
        w.WriteStartObject();
        w.WriteString("symbol", spec.Symbol);
        w.WriteString("adjustedFundingRateCap", spec.FundingRateCap.ToString("F" + decimals, System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("adjustedFundingRateFloor", (-spec.FundingRateCap).ToString("F" + decimals, System.Globalization.CultureInfo.InvariantCulture));
        w.WriteNumber("fundingIntervalHours", spec.FundingIntervalHours);
        w.WriteBoolean("disclaimer", !fourHours);
        if (fourHours) w.WriteNumber("updateTime", AdjustedAtMs);
        else w.WriteNull("updateTime");
        w.WriteEndObject();
    }));

    public static byte[] Error(int code, string message) => Object(w =>
    {
        w.WriteNumber("code", code);
        w.WriteString("msg", message);
    });

    /// <summary>The fapi 429 body (-1003, futures wording of the error-code table).</summary>
    public static byte[] TooManyRequests(int limit) =>
        Error(-1003, $"Too many requests; current limit is {limit} requests per minute. Please use the websocket for live updates to avoid polling the API.");

    /// <summary>The fapi 418 body (-1003, futures wording), naming the ban's end in epoch ms.</summary>
    public static byte[] Banned(long untilMs) =>
        Error(-1003, $"Way too many requests; IP banned until {untilMs}. Please use the websocket for live updates to avoid bans.");

    private static void Ticker(Utf8JsonWriter w, TickerRow row)
    {
        w.WriteStartObject();
        w.WriteString("symbol", row.Symbol);
        w.WriteString("priceChange", row.PriceChange);
        w.WriteString("priceChangePercent", row.PriceChangePercent);
        w.WriteString("weightedAvgPrice", row.WeightedAvgPrice);
        w.WriteString("lastPrice", row.LastPrice);
        w.WriteString("lastQty", row.LastQty);
        w.WriteString("openPrice", row.OpenPrice);
        w.WriteString("highPrice", row.HighPrice);
        w.WriteString("lowPrice", row.LowPrice);
        w.WriteString("volume", row.Volume);
        w.WriteString("quoteVolume", row.QuoteVolume);
        w.WriteNumber("openTime", row.OpenTime);
        w.WriteNumber("closeTime", row.CloseTime);
        w.WriteNumber("firstId", row.FirstId);
        w.WriteNumber("lastId", row.LastId);
        w.WriteNumber("count", row.Count);
        w.WriteEndObject();
    }

    private static void Premium(Utf8JsonWriter w, PremiumRow row)
    {
        w.WriteStartObject();
        w.WriteString("symbol", row.Symbol);
        w.WriteString("markPrice", row.MarkPrice);
        w.WriteString("indexPrice", row.IndexPrice);
        w.WriteString("estimatedSettlePrice", row.EstimatedSettlePrice);
        w.WriteString("lastFundingRate", row.LastFundingRate);
        w.WriteString("interestRate", row.InterestRate);
        w.WriteNumber("nextFundingTime", row.NextFundingTime);
        w.WriteNumber("time", row.Time);
        w.WriteEndObject();
    }

    private static void Rows<T>(Utf8JsonWriter w, IReadOnlyList<T> rows, Action<Utf8JsonWriter, T> item)
    {
        w.WriteStartArray();
        foreach (var row in rows) item(w, row);
        w.WriteEndArray();
    }

    private static void Levels(Utf8JsonWriter w, string name, IReadOnlyList<BookLevel> levels)
    {
        w.WriteStartArray(name);
        foreach (var level in levels)
        {
            w.WriteStartArray();
            w.WriteStringValue(level.Price);
            w.WriteStringValue(level.Quantity);
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    private static byte[] Object(Action<Utf8JsonWriter> body) => Write(w =>
    {
        w.WriteStartObject();
        body(w);
        w.WriteEndObject();
    });

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            body(w);
        return buffer.WrittenSpan.ToArray();
    }
}
