using System.Text.Json;

namespace Screener.Binance.Wire;

/// <summary>
/// One row of REST <c>GET /fapi/v1/premiumIndex</c>: <c>symbol</c>, <c>markPrice</c>, <c>indexPrice</c>,
/// <c>lastFundingRate</c> (<c>""</c> on contracts without funding), <c>nextFundingTime</c> (0 when none),
/// <c>time</c>; <c>st</c> when present. <c>estimatedSettlePrice</c> and <c>interestRate</c> are not needed.
/// </summary>
internal readonly record struct BinancePremiumIndexMsg(
    string Symbol, decimal MarkPrice, decimal? IndexPrice, decimal? LastFundingRate, long NextFundingTimeMs,
    long TimeMs, long? SymbolType)
{
    private const int S = 1, Mark = 2, Rate = 4, Next = 8, Time = 16, All = 31;

    /// <summary>Reads the object at the reader's <c>StartObject</c>; false when a field is missing or invalid.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, SymbolCache symbols, out BinancePremiumIndexMsg msg)
    {
        msg = default;
        string symbol = "";
        decimal mark = 0;
        decimal? index = null, rate = null;
        long next = 0, time = 0;
        long? symbolType = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("symbol"u8)) { ok = JsonValues.TryReadSymbol(ref reader, symbols, out symbol); seen |= S; }
            else if (reader.ValueTextEquals("markPrice"u8)) { ok = JsonValues.TryReadDecimal(ref reader, out mark); seen |= Mark; }
            else if (reader.ValueTextEquals("indexPrice"u8)) ok = JsonValues.TryReadOptionalDecimal(ref reader, out index);
            else if (reader.ValueTextEquals("lastFundingRate"u8)) { ok = JsonValues.TryReadOptionalDecimal(ref reader, out rate); seen |= Rate; }
            else if (reader.ValueTextEquals("nextFundingTime"u8)) { ok = JsonValues.TryReadUnixMs(ref reader, out next); seen |= Next; }
            else if (reader.ValueTextEquals("time"u8)) { ok = JsonValues.TryReadUnixMs(ref reader, out time); seen |= Time; }
            else if (reader.ValueTextEquals("st"u8)) ok = JsonValues.TryReadOptionalInt64(ref reader, out symbolType);
            else { reader.Skip(); ok = true; }
            if (!ok) return false;
        }

        if (reader.TokenType != JsonTokenType.EndObject || seen != All) return false;
        msg = new BinancePremiumIndexMsg(symbol, mark, index, rate, next, time, symbolType);
        return true;
    }
}
