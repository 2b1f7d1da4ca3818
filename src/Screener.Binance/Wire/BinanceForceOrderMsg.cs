using System.Text.Json;
using Screener.Contracts.Market;

namespace Screener.Binance.Wire;

/// <summary>
/// <c>forceOrder</c> payload: <c>E</c> and the order <c>o</c> with <c>s</c>, <c>S</c> side, <c>q</c> original qty,
/// <c>p</c> order price, <c>ap</c> average fill price, <c>X</c> status, <c>z</c> cumulative filled qty,
/// <c>T</c> trade time, <c>st</c>. <c>o</c>/<c>f</c>/<c>l</c>/<c>ps</c> are not needed.
/// </summary>
internal readonly record struct BinanceForceOrderMsg(
    string Symbol, long EventTimeMs, Side Side, decimal Price, decimal AveragePrice, decimal Quantity,
    decimal FilledQuantity, string Status, long TradeTimeMs, long? SymbolType)
{
    private const int S = 1, Sd = 2, Q = 4, P = 8, Ap = 16, X = 32, Z = 64, T = 128, OrderAll = 255;

    /// <summary>Reads the object at the reader's <c>StartObject</c>; false when a field is missing or invalid.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, SymbolCache symbols, out BinanceForceOrderMsg msg)
    {
        msg = default;
        long eventTime = 0;
        var sawEventTime = false;
        var sawOrder = false;
        Order order = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("E"u8)) { ok = JsonValues.TryReadUnixMs(ref reader, out eventTime); sawEventTime = true; }
            else if (reader.ValueTextEquals("o"u8)) { ok = TryReadOrder(ref reader, symbols, out order); sawOrder = true; }
            else { reader.Skip(); ok = true; }
            if (!ok) return false;
        }

        if (reader.TokenType != JsonTokenType.EndObject || !sawEventTime || !sawOrder) return false;
        msg = new BinanceForceOrderMsg(order.Symbol, eventTime, order.Side, order.Price, order.AveragePrice,
            order.Quantity, order.Filled, order.Status, order.TradeTime, order.SymbolType);
        return true;
    }

    private static bool TryReadOrder(ref Utf8JsonReader reader, SymbolCache symbols, out Order order)
    {
        order = default;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
        string symbol = "", status = "";
        var side = Side.Buy;
        decimal quantity = 0, price = 0, average = 0, filled = 0;
        long tradeTime = 0;
        long? symbolType = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("s"u8)) { ok = JsonValues.TryReadSymbol(ref reader, symbols, out symbol); seen |= S; }
            else if (reader.ValueTextEquals("S"u8)) { ok = JsonValues.TryReadSide(ref reader, out side); seen |= Sd; }
            else if (reader.ValueTextEquals("q"u8)) { ok = JsonValues.TryReadDecimal(ref reader, out quantity); seen |= Q; }
            else if (reader.ValueTextEquals("p"u8)) { ok = JsonValues.TryReadDecimal(ref reader, out price); seen |= P; }
            else if (reader.ValueTextEquals("ap"u8)) { ok = JsonValues.TryReadDecimal(ref reader, out average); seen |= Ap; }
            else if (reader.ValueTextEquals("X"u8)) { ok = JsonValues.TryReadToken(ref reader, out status); seen |= X; }
            else if (reader.ValueTextEquals("z"u8)) { ok = JsonValues.TryReadDecimal(ref reader, out filled); seen |= Z; }
            else if (reader.ValueTextEquals("T"u8)) { ok = JsonValues.TryReadUnixMs(ref reader, out tradeTime); seen |= T; }
            else if (reader.ValueTextEquals("st"u8)) ok = JsonValues.TryReadOptionalInt64(ref reader, out symbolType);
            else { reader.Skip(); ok = true; }
            if (!ok) return false;
        }

        if (reader.TokenType != JsonTokenType.EndObject || seen != OrderAll) return false;
        order = new Order(symbol, side, quantity, price, average, filled, status, tradeTime, symbolType);
        return true;
    }

    private readonly record struct Order(
        string Symbol, Side Side, decimal Quantity, decimal Price, decimal AveragePrice, decimal Filled,
        string Status, long TradeTime, long? SymbolType);
}
