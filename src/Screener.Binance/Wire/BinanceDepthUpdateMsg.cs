using System.Text.Json;
using Screener.Contracts;
using Screener.Contracts.Market;

namespace Screener.Binance.Wire;

/// <summary>
/// <c>depthUpdate</c> payload: <c>s</c>, <c>E</c>, <c>U</c> first and <c>u</c> final update id, <c>pu</c> previous
/// final id (futures only), <c>b</c>/<c>a</c> absolute bid/ask levels (qty 0 deletes), <c>st</c>.
/// </summary>
internal readonly record struct BinanceDepthUpdateMsg(
    string Symbol, long EventTimeMs, long FirstUpdateId, long FinalUpdateId, long? PreviousFinalUpdateId,
    EquatableArray<PriceLevel> Bids, EquatableArray<PriceLevel> Asks, long? SymbolType)
{
    private const int S = 1, E = 2, First = 4, Final = 8, BidSide = 16, AskSide = 32, All = 63;

    /// <summary>Reads the object at the reader's <c>StartObject</c>; false when a field is missing or invalid.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, SymbolCache symbols, List<PriceLevel> scratch, out BinanceDepthUpdateMsg msg)
    {
        msg = default;
        string symbol = "";
        long eventTime = 0, first = 0, final = 0;
        long? previous = null, symbolType = null;
        EquatableArray<PriceLevel> bids = default, asks = default;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("s"u8)) { ok = JsonValues.TryReadSymbol(ref reader, symbols, out symbol); seen |= S; }
            else if (reader.ValueTextEquals("E"u8)) { ok = JsonValues.TryReadUnixMs(ref reader, out eventTime); seen |= E; }
            else if (reader.ValueTextEquals("U"u8)) { ok = JsonValues.TryReadInt64(ref reader, out first); seen |= First; }
            else if (reader.ValueTextEquals("u"u8)) { ok = JsonValues.TryReadInt64(ref reader, out final); seen |= Final; }
            else if (reader.ValueTextEquals("pu"u8)) ok = JsonValues.TryReadOptionalInt64(ref reader, out previous);
            else if (reader.ValueTextEquals("b"u8)) { ok = JsonValues.TryReadLevels(ref reader, scratch, out bids); seen |= BidSide; }
            else if (reader.ValueTextEquals("a"u8)) { ok = JsonValues.TryReadLevels(ref reader, scratch, out asks); seen |= AskSide; }
            else if (reader.ValueTextEquals("st"u8)) ok = JsonValues.TryReadOptionalInt64(ref reader, out symbolType);
            else { reader.Skip(); ok = true; }
            if (!ok) return false;
        }

        if (reader.TokenType != JsonTokenType.EndObject || seen != All) return false;
        msg = new BinanceDepthUpdateMsg(symbol, eventTime, first, final, previous, bids, asks, symbolType);
        return true;
    }
}
