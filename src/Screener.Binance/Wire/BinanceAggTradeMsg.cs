using System.Text.Json;

namespace Screener.Binance.Wire;

/// <summary>
/// <c>aggTrade</c> payload: <c>s</c> symbol, <c>E</c> event time, <c>a</c> aggregate trade id, <c>p</c> price,
/// <c>q</c> quantity, <c>T</c> trade time, <c>m</c> buyer is maker, <c>st</c> symbol type (1 UM, 2 CM).
/// </summary>
internal readonly record struct BinanceAggTradeMsg(
    string Symbol, long EventTimeMs, long AggTradeId, decimal Price, decimal Quantity, long TradeTimeMs,
    bool BuyerIsMaker, long? SymbolType)
{
    private const int S = 1, E = 2, A = 4, P = 8, Q = 16, T = 32, M = 64, All = 127;

    /// <summary>Reads the object at the reader's <c>StartObject</c>; false when a field is missing or invalid.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, SymbolCache symbols, out BinanceAggTradeMsg msg)
    {
        msg = default;
        string symbol = "";
        long eventTime = 0, id = 0, tradeTime = 0;
        long? symbolType = null;
        decimal price = 0, quantity = 0;
        var buyerIsMaker = false;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("s"u8)) { ok = JsonValues.TryReadSymbol(ref reader, symbols, out symbol); seen |= S; }
            else if (reader.ValueTextEquals("E"u8)) { ok = JsonValues.TryReadUnixMs(ref reader, out eventTime); seen |= E; }
            else if (reader.ValueTextEquals("a"u8)) { ok = JsonValues.TryReadInt64(ref reader, out id); seen |= A; }
            else if (reader.ValueTextEquals("p"u8)) { ok = JsonValues.TryReadDecimal(ref reader, out price); seen |= P; }
            else if (reader.ValueTextEquals("q"u8)) { ok = JsonValues.TryReadDecimal(ref reader, out quantity); seen |= Q; }
            else if (reader.ValueTextEquals("T"u8)) { ok = JsonValues.TryReadUnixMs(ref reader, out tradeTime); seen |= T; }
            else if (reader.ValueTextEquals("m"u8)) { ok = JsonValues.TryReadBool(ref reader, out buyerIsMaker); seen |= M; }
            else if (reader.ValueTextEquals("st"u8)) ok = JsonValues.TryReadOptionalInt64(ref reader, out symbolType);
            else { reader.Skip(); ok = true; }
            if (!ok) return false;
        }

        if (reader.TokenType != JsonTokenType.EndObject || seen != All) return false;
        msg = new BinanceAggTradeMsg(symbol, eventTime, id, price, quantity, tradeTime, buyerIsMaker, symbolType);
        return true;
    }
}
