using System.Text.Json;

namespace Screener.Binance.Wire;

/// <summary>
/// <c>markPriceUpdate</c> payload: <c>s</c>, <c>E</c>, <c>p</c> mark price, <c>i</c> index price (absent before
/// 2020), <c>r</c> funding rate (<c>""</c> when the contract has none), <c>T</c> next funding time (0 when none),
/// <c>st</c>. <c>P</c> (estimated settle price) and <c>ap</c> are not needed.
/// </summary>
internal readonly record struct BinanceMarkPriceMsg(
    string Symbol, long EventTimeMs, decimal MarkPrice, decimal? IndexPrice, decimal? FundingRate,
    long NextFundingTimeMs, long? SymbolType)
{
    private const int S = 1, E = 2, P = 4, R = 8, T = 16, All = 31;

    /// <summary>Reads the object at the reader's <c>StartObject</c>; false when a field is missing or invalid.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, SymbolCache symbols, out BinanceMarkPriceMsg msg)
    {
        msg = default;
        string symbol = "";
        long eventTime = 0, nextFunding = 0;
        long? symbolType = null;
        decimal mark = 0;
        decimal? index = null, funding = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("s"u8)) { ok = JsonValues.TryReadSymbol(ref reader, symbols, out symbol); seen |= S; }
            else if (reader.ValueTextEquals("E"u8)) { ok = JsonValues.TryReadUnixMs(ref reader, out eventTime); seen |= E; }
            else if (reader.ValueTextEquals("p"u8)) { ok = JsonValues.TryReadDecimal(ref reader, out mark); seen |= P; }
            else if (reader.ValueTextEquals("i"u8)) ok = JsonValues.TryReadOptionalDecimal(ref reader, out index);
            else if (reader.ValueTextEquals("r"u8)) { ok = JsonValues.TryReadOptionalDecimal(ref reader, out funding); seen |= R; }
            else if (reader.ValueTextEquals("T"u8)) { ok = JsonValues.TryReadUnixMs(ref reader, out nextFunding); seen |= T; }
            else if (reader.ValueTextEquals("st"u8)) ok = JsonValues.TryReadOptionalInt64(ref reader, out symbolType);
            else { reader.Skip(); ok = true; }
            if (!ok) return false;
        }

        if (reader.TokenType != JsonTokenType.EndObject || seen != All) return false;
        msg = new BinanceMarkPriceMsg(symbol, eventTime, mark, index, funding, nextFunding, symbolType);
        return true;
    }
}
