using System.Text.Json;

namespace Screener.Binance.Wire;

/// <summary>
/// Finds a payload's event type before it is parsed: single-letter keys change meaning by type (<c>a</c> is an
/// agg-trade id, a best ask price or the ask levels), so the type must be known first. Works on a copy of the
/// reader, so the caller's position is untouched and key order does not matter.
/// </summary>
internal static class BinancePayloadProbe
{
    private const int HasU = 1, HasS = 2, HasBid = 4, HasBidQty = 8, HasAsk = 16, HasAskQty = 32;
    private const int BookTickerKeys = HasU | HasS | HasBid | HasBidQty | HasAsk | HasAskQty;

    /// <summary>Classifies the object at the reader's <c>StartObject</c>. The reader is a copy (passed by value).</summary>
    public static BinanceEventType Classify(Utf8JsonReader reader)
    {
        var keys = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("e"u8))
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.String) return BinanceEventType.Invalid;
                return FromName(ref reader);
            }

            keys |= KeyFlag(ref reader);
            reader.Skip();
        }

        // Spot bookTicker has no "e": it is recognised by its key set {u, s, b, B, a, A}.
        return (keys & BookTickerKeys) == BookTickerKeys ? BinanceEventType.BookTicker : BinanceEventType.None;
    }

    private static int KeyFlag(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("u"u8)) return HasU;
        if (reader.ValueTextEquals("s"u8)) return HasS;
        if (reader.ValueTextEquals("b"u8)) return HasBid;
        if (reader.ValueTextEquals("B"u8)) return HasBidQty;
        if (reader.ValueTextEquals("a"u8)) return HasAsk;
        if (reader.ValueTextEquals("A"u8)) return HasAskQty;
        return 0;
    }

    private static BinanceEventType FromName(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("aggTrade"u8)) return BinanceEventType.AggTrade;
        if (reader.ValueTextEquals("depthUpdate"u8)) return BinanceEventType.DepthUpdate;
        if (reader.ValueTextEquals("bookTicker"u8)) return BinanceEventType.BookTicker;
        if (reader.ValueTextEquals("markPriceUpdate"u8)) return BinanceEventType.MarkPriceUpdate;
        if (reader.ValueTextEquals("trade"u8)) return BinanceEventType.Trade;
        if (reader.ValueTextEquals("kline"u8)) return BinanceEventType.Kline;
        if (reader.ValueTextEquals("forceOrder"u8)) return BinanceEventType.ForceOrder;
        return BinanceEventType.Other;
    }
}
