using System.Text.Json;

namespace Screener.Binance.Wire;

/// <summary>
/// <c>kline</c> payload: <c>s</c>, <c>E</c> and the candle <c>k</c> with <c>t</c>/<c>T</c> open/close time,
/// <c>s</c>, <c>i</c> interval, <c>o</c>/<c>h</c>/<c>l</c>/<c>c</c>, <c>v</c> base volume, <c>q</c> quote volume,
/// <c>n</c> trade count, <c>x</c> closed. Trade ids and taker-buy volumes are not needed.
/// </summary>
internal readonly record struct BinanceKlineMsg(
    string Symbol, long EventTimeMs, string Interval, long OpenTimeMs, long CloseTimeMs,
    decimal Open, decimal High, decimal Low, decimal Close, decimal Volume, decimal QuoteVolume,
    long TradeCount, bool IsClosed)
{
    private const int OpenT = 1, CloseT = 2, I = 4, O = 8, H = 16, L = 32, C = 64, V = 128, Q = 256, N = 512, X = 1024;
    private const int CandleAll = 2047;

    /// <summary>Reads the object at the reader's <c>StartObject</c>; false when a field is missing or invalid.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, SymbolCache symbols, out BinanceKlineMsg msg)
    {
        msg = default;
        string symbol = "";
        long eventTime = 0;
        var sawEventTime = false;
        var sawCandle = false;
        BinanceKlineMsg candle = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("s"u8)) ok = JsonValues.TryReadSymbol(ref reader, symbols, out symbol);
            else if (reader.ValueTextEquals("E"u8)) { ok = JsonValues.TryReadUnixMs(ref reader, out eventTime); sawEventTime = true; }
            else if (reader.ValueTextEquals("k"u8)) { ok = TryReadCandle(ref reader, symbols, out candle); sawCandle = true; }
            else { reader.Skip(); ok = true; }
            if (!ok) return false;
        }

        if (reader.TokenType != JsonTokenType.EndObject || !sawEventTime || !sawCandle) return false;
        // The outer "s" is authoritative; the candle's own "s" is the fallback.
        if (symbol.Length == 0) symbol = candle.Symbol;
        if (symbol.Length == 0) return false;
        msg = candle with { Symbol = symbol, EventTimeMs = eventTime };
        return true;
    }

    private static bool TryReadCandle(ref Utf8JsonReader reader, SymbolCache symbols, out BinanceKlineMsg candle)
    {
        candle = default;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
        string symbol = "", interval = "";
        long openTime = 0, closeTime = 0, count = 0;
        decimal open = 0, high = 0, low = 0, close = 0, volume = 0, quoteVolume = 0;
        var closed = false;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("t"u8)) { ok = JsonValues.TryReadUnixMs(ref reader, out openTime); seen |= OpenT; }
            else if (reader.ValueTextEquals("T"u8)) { ok = JsonValues.TryReadUnixMs(ref reader, out closeTime); seen |= CloseT; }
            else if (reader.ValueTextEquals("s"u8)) ok = JsonValues.TryReadSymbol(ref reader, symbols, out symbol);
            else if (reader.ValueTextEquals("i"u8)) { ok = JsonValues.TryReadToken(ref reader, out interval); seen |= I; }
            else if (reader.ValueTextEquals("o"u8)) { ok = JsonValues.TryReadDecimal(ref reader, out open); seen |= O; }
            else if (reader.ValueTextEquals("h"u8)) { ok = JsonValues.TryReadDecimal(ref reader, out high); seen |= H; }
            else if (reader.ValueTextEquals("l"u8)) { ok = JsonValues.TryReadDecimal(ref reader, out low); seen |= L; }
            else if (reader.ValueTextEquals("c"u8)) { ok = JsonValues.TryReadDecimal(ref reader, out close); seen |= C; }
            else if (reader.ValueTextEquals("v"u8)) { ok = JsonValues.TryReadDecimal(ref reader, out volume); seen |= V; }
            else if (reader.ValueTextEquals("q"u8)) { ok = JsonValues.TryReadDecimal(ref reader, out quoteVolume); seen |= Q; }
            else if (reader.ValueTextEquals("n"u8)) { ok = JsonValues.TryReadInt64(ref reader, out count); seen |= N; }
            else if (reader.ValueTextEquals("x"u8)) { ok = JsonValues.TryReadBool(ref reader, out closed); seen |= X; }
            else { reader.Skip(); ok = true; }
            if (!ok) return false;
        }

        if (reader.TokenType != JsonTokenType.EndObject || seen != CandleAll) return false;
        candle = new BinanceKlineMsg(symbol, 0, interval, openTime, closeTime, open, high, low, close, volume,
            quoteVolume, count, closed);
        return true;
    }
}
