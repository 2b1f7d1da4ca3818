using System.Text.Json;

namespace Screener.Binance.Wire;

/// <summary>
/// One row of REST <c>GET /fapi/v1/fundingInfo</c>: <c>symbol</c> and <c>fundingIntervalHours</c>; <c>st</c> when
/// present. The caps, floor, <c>disclaimer</c> and <c>updateTime</c> (often null) are not needed.
/// </summary>
internal readonly record struct BinanceFundingInfoMsg(string Symbol, int FundingIntervalHours, long? SymbolType)
{
    /// <summary>Longest interval accepted: a week. Binance uses 1, 2, 4 and 8 hours.</summary>
    public const int MaxIntervalHours = 168;

    private const int S = 1, Hours = 2, All = 3;

    /// <summary>Reads the object at the reader's <c>StartObject</c>; false when a field is missing or invalid.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, SymbolCache symbols, out BinanceFundingInfoMsg msg)
    {
        msg = default;
        string symbol = "";
        long hours = 0;
        long? symbolType = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("symbol"u8)) { ok = JsonValues.TryReadSymbol(ref reader, symbols, out symbol); seen |= S; }
            else if (reader.ValueTextEquals("fundingIntervalHours"u8))
            {
                ok = JsonValues.TryReadInt64(ref reader, out hours) && hours is > 0 and <= MaxIntervalHours;
                seen |= Hours;
            }
            else if (reader.ValueTextEquals("st"u8)) ok = JsonValues.TryReadOptionalInt64(ref reader, out symbolType);
            else { reader.Skip(); ok = true; }
            if (!ok) return false;
        }

        if (reader.TokenType != JsonTokenType.EndObject || seen != All) return false;
        msg = new BinanceFundingInfoMsg(symbol, (int)hours, symbolType);
        return true;
    }
}
