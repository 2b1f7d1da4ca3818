using System.Text.Json;

namespace Screener.Binance.Wire;

/// <summary>REST <c>GET /fapi/v1/openInterest</c> body: <c>symbol</c>, <c>openInterest</c> (base units), <c>time</c>.</summary>
internal readonly record struct BinanceOpenInterestMsg(string Symbol, decimal OpenInterest, long TimeMs)
{
    private const int S = 1, Oi = 2, T = 4, All = 7;

    /// <summary>Reads the object at the reader's <c>StartObject</c>; false when a field is missing or invalid.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, SymbolCache symbols, out BinanceOpenInterestMsg msg)
    {
        msg = default;
        string symbol = "";
        decimal openInterest = 0;
        long time = 0;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("symbol"u8)) { ok = JsonValues.TryReadSymbol(ref reader, symbols, out symbol); seen |= S; }
            else if (reader.ValueTextEquals("openInterest"u8)) { ok = JsonValues.TryReadDecimal(ref reader, out openInterest); seen |= Oi; }
            else if (reader.ValueTextEquals("time"u8)) { ok = JsonValues.TryReadUnixMs(ref reader, out time); seen |= T; }
            else { reader.Skip(); ok = true; }
            if (!ok) return false;
        }

        if (reader.TokenType != JsonTokenType.EndObject || seen != All) return false;
        msg = new BinanceOpenInterestMsg(symbol, openInterest, time);
        return true;
    }
}
