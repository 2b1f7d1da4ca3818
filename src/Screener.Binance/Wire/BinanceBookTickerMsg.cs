using System.Text.Json;

namespace Screener.Binance.Wire;

/// <summary>
/// <c>bookTicker</c> payload: <c>u</c> order-book update id, <c>s</c>, <c>b</c>/<c>B</c> best bid price/qty,
/// <c>a</c>/<c>A</c> best ask price/qty; futures add <c>E</c>, <c>T</c>, <c>st</c>. Spot has no <c>e</c>/<c>E</c>.
/// </summary>
internal readonly record struct BinanceBookTickerMsg(
    string Symbol, long? EventTimeMs, long UpdateId, decimal BidPrice, decimal BidQuantity,
    decimal AskPrice, decimal AskQuantity, long? SymbolType)
{
    private const int S = 1, U = 2, B = 4, Bq = 8, A = 16, Aq = 32, All = 63;

    /// <summary>Reads the object at the reader's <c>StartObject</c>; false when a field is missing or invalid.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, SymbolCache symbols, out BinanceBookTickerMsg msg)
    {
        msg = default;
        string symbol = "";
        long updateId = 0;
        long? eventTime = null, symbolType = null;
        decimal bid = 0, bidQty = 0, ask = 0, askQty = 0;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("s"u8)) { ok = JsonValues.TryReadSymbol(ref reader, symbols, out symbol); seen |= S; }
            else if (reader.ValueTextEquals("u"u8)) { ok = JsonValues.TryReadInt64(ref reader, out updateId); seen |= U; }
            else if (reader.ValueTextEquals("b"u8)) { ok = JsonValues.TryReadDecimal(ref reader, out bid); seen |= B; }
            else if (reader.ValueTextEquals("B"u8)) { ok = JsonValues.TryReadDecimal(ref reader, out bidQty); seen |= Bq; }
            else if (reader.ValueTextEquals("a"u8)) { ok = JsonValues.TryReadDecimal(ref reader, out ask); seen |= A; }
            else if (reader.ValueTextEquals("A"u8)) { ok = JsonValues.TryReadDecimal(ref reader, out askQty); seen |= Aq; }
            else if (reader.ValueTextEquals("E"u8))
            {
                ok = JsonValues.TryReadUnixMs(ref reader, out var e);
                eventTime = e;
            }
            else if (reader.ValueTextEquals("st"u8)) ok = JsonValues.TryReadOptionalInt64(ref reader, out symbolType);
            else { reader.Skip(); ok = true; }
            if (!ok) return false;
        }

        if (reader.TokenType != JsonTokenType.EndObject || seen != All) return false;
        msg = new BinanceBookTickerMsg(symbol, eventTime, updateId, bid, bidQty, ask, askQty, symbolType);
        return true;
    }
}
