using System.Text.Json;
using Screener.Binance.Wire;
using Screener.Contracts;
using Screener.Contracts.Market;

namespace Screener.Binance.Normalise;

/// <summary>
/// The row-list REST bodies (<c>premiumIndex</c>, <c>fundingInfo</c>): an array of rows when polled for all
/// symbols, a single row object when polled for one. On entry the reader is on the body's first token; on return
/// it is on the matching end token.
/// </summary>
/// <remarks>
/// All-symbol lists include COIN-M perpetuals (<c>BTCUSD_PERP</c>); array rows that are COIN-M by
/// <see cref="BinanceNormalise.IsCoinMarginedRow"/> yield nothing. A broken row makes the whole frame Malformed,
/// as in WebSocket arrays; a list with nothing left after filtering is Unknown.
/// </remarks>
internal static class RestRowsDecoder
{
    private delegate bool RowReader(ref Utf8JsonReader reader, in DecodeContext context, out MarketEvent? row, out long? symbolType);

    public static DecodeOutcome DecodePremiumIndex(ref Utf8JsonReader reader, in DecodeContext context, List<MarketEvent> events) =>
        DecodeRows(ref reader, context, events, ReadPremiumIndex);

    public static DecodeOutcome DecodeFundingInfo(ref Utf8JsonReader reader, in DecodeContext context, List<MarketEvent> events) =>
        DecodeRows(ref reader, context, events, ReadFundingInfo);

    private static DecodeOutcome DecodeRows(ref Utf8JsonReader reader, in DecodeContext context, List<MarketEvent> events, RowReader read)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            if (!read(ref reader, context, out var single, out var singleType)) return DecodeOutcome.Malformed;
            if (BinanceNormalise.IsCoinMargined(singleType)) return DecodeOutcome.Unknown;
            events.Add(single!);
            return DecodeOutcome.Events;
        }

        if (reader.TokenType != JsonTokenType.StartArray) return DecodeOutcome.Malformed;
        var emitted = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject) return DecodeOutcome.Malformed;
            if (!read(ref reader, context, out var row, out var symbolType)) return DecodeOutcome.Malformed;
            if (BinanceNormalise.IsCoinMarginedRow(symbolType, row!.Symbol)) continue;
            events.Add(row);
            emitted = true;
        }

        if (reader.TokenType != JsonTokenType.EndArray) return DecodeOutcome.Malformed;
        return emitted ? DecodeOutcome.Events : DecodeOutcome.Unknown;
    }

    private static bool ReadPremiumIndex(ref Utf8JsonReader reader, in DecodeContext context, out MarketEvent? row, out long? symbolType)
    {
        row = null;
        symbolType = null;
        if (!BinancePremiumIndexMsg.TryRead(ref reader, context.Symbols, out var msg)) return false;
        row = BinanceNormalise.ToMarkPrice(msg, context.TsInit, context.Sequence);
        symbolType = msg.SymbolType;
        return true;
    }

    private static bool ReadFundingInfo(ref Utf8JsonReader reader, in DecodeContext context, out MarketEvent? row, out long? symbolType)
    {
        row = null;
        symbolType = null;
        if (!BinanceFundingInfoMsg.TryRead(ref reader, context.Symbols, out var msg)) return false;
        row = BinanceNormalise.ToFundingInterval(msg, context.TsInit, context.Sequence);
        symbolType = msg.SymbolType;
        return true;
    }
}
