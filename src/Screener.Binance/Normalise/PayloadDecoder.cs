using System.Text.Json;
using Screener.Binance.Wire;
using Screener.Contracts;
using Screener.Contracts.Market;

namespace Screener.Binance.Normalise;

/// <summary>
/// Decodes one stream payload (an object, or an array of objects for <c>!…@arr</c> streams) into market events.
/// On entry the reader is on the payload's first token; on return it is on the matching end token.
/// </summary>
internal static class PayloadDecoder
{
    /// <summary>An object or an array payload; anything else is Malformed.</summary>
    public static DecodeOutcome DecodeValue(ref Utf8JsonReader reader, in DecodeContext context, List<MarketEvent> events) =>
        reader.TokenType switch
        {
            JsonTokenType.StartObject => DecodeObject(ref reader, context, events),
            JsonTokenType.StartArray => DecodeArray(ref reader, context, events),
            _ => DecodeOutcome.Malformed,
        };

    /// <summary>
    /// One event per row. A single broken row makes the whole frame Malformed: the frame is the unit that is
    /// counted and journaled, and a half-decoded array would hide the fault. All-market arrays carry COIN-M rows:
    /// besides <c>st</c> = 2 (checked for every payload), rows whose symbol is a COIN-M perpetual are dropped.
    /// </summary>
    public static DecodeOutcome DecodeArray(ref Utf8JsonReader reader, in DecodeContext context, List<MarketEvent> events)
    {
        var emitted = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject) return DecodeOutcome.Malformed;
            var row = DecodeObject(ref reader, context, events);
            if (row == DecodeOutcome.Malformed) return DecodeOutcome.Malformed;
            if (row == DecodeOutcome.Events && BinanceNormalise.IsCoinMarginedRow(null, events[^1].Symbol))
            {
                events.RemoveAt(events.Count - 1);
                continue;
            }

            emitted |= row == DecodeOutcome.Events;
        }

        if (reader.TokenType != JsonTokenType.EndArray) return DecodeOutcome.Malformed;
        return emitted ? DecodeOutcome.Events : DecodeOutcome.Unknown;
    }

    /// <summary>One payload object. COIN-M rows (<c>st</c> = 2) produce no event and count as Unknown.</summary>
    public static DecodeOutcome DecodeObject(ref Utf8JsonReader reader, in DecodeContext context, List<MarketEvent> events)
    {
        var (tsInit, sequence, symbols) = (context.TsInit, context.Sequence, context.Symbols);
        switch (BinancePayloadProbe.Classify(reader))
        {
            case BinanceEventType.AggTrade:
                if (!BinanceAggTradeMsg.TryRead(ref reader, symbols, out var aggTrade)) return DecodeOutcome.Malformed;
                if (BinanceNormalise.IsCoinMargined(aggTrade.SymbolType)) return DecodeOutcome.Unknown;
                events.Add(BinanceNormalise.ToTrade(aggTrade, tsInit, sequence));
                return DecodeOutcome.Events;

            case BinanceEventType.Trade:
                if (!BinanceTradeMsg.TryRead(ref reader, symbols, out var trade)) return DecodeOutcome.Malformed;
                if (BinanceNormalise.IsCoinMargined(trade.SymbolType)) return DecodeOutcome.Unknown;
                events.Add(BinanceNormalise.ToTrade(trade, tsInit, sequence));
                return DecodeOutcome.Events;

            case BinanceEventType.BookTicker:
                if (!BinanceBookTickerMsg.TryRead(ref reader, symbols, out var book)) return DecodeOutcome.Malformed;
                if (BinanceNormalise.IsCoinMargined(book.SymbolType)) return DecodeOutcome.Unknown;
                events.Add(BinanceNormalise.ToBookTop(book, tsInit, sequence));
                return DecodeOutcome.Events;

            case BinanceEventType.DepthUpdate:
                if (!BinanceDepthUpdateMsg.TryRead(ref reader, symbols, context.LevelScratch, out var depth))
                    return DecodeOutcome.Malformed;
                if (BinanceNormalise.IsCoinMargined(depth.SymbolType)) return DecodeOutcome.Unknown;
                events.Add(BinanceNormalise.ToDepthDiff(depth, tsInit, sequence));
                return DecodeOutcome.Events;

            case BinanceEventType.MarkPriceUpdate:
                if (!BinanceMarkPriceMsg.TryRead(ref reader, symbols, out var mark)) return DecodeOutcome.Malformed;
                if (BinanceNormalise.IsCoinMargined(mark.SymbolType)) return DecodeOutcome.Unknown;
                events.Add(BinanceNormalise.ToMarkPrice(mark, tsInit, sequence));
                return DecodeOutcome.Events;

            case BinanceEventType.ForceOrder:
                if (!BinanceForceOrderMsg.TryRead(ref reader, symbols, out var liquidation)) return DecodeOutcome.Malformed;
                if (BinanceNormalise.IsCoinMargined(liquidation.SymbolType)) return DecodeOutcome.Unknown;
                events.Add(BinanceNormalise.ToLiquidation(liquidation, tsInit, sequence));
                return DecodeOutcome.Events;

            case BinanceEventType.Kline:
                if (!BinanceKlineMsg.TryRead(ref reader, symbols, out var kline)) return DecodeOutcome.Malformed;
                events.Add(BinanceNormalise.ToKline(kline, tsInit, sequence));
                return DecodeOutcome.Events;

            case BinanceEventType.None:
            case BinanceEventType.Other:
                // Skip still walks the whole object, so a broken "unknown" payload is reported as Malformed.
                reader.Skip();
                return DecodeOutcome.Unknown;

            default:
                return DecodeOutcome.Malformed;
        }
    }
}
