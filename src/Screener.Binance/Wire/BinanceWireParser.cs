using System.Runtime.CompilerServices;

namespace Screener.Binance.Wire;

/// <summary>
/// The hot-path parser: a hand-written byte scanner for the frames that make up nearly all of the live feed
/// (aggTrade, trade, bookTicker, depthUpdate, markPriceUpdate), in the compact form Binance sends, into a reusable
/// <see cref="ParsedFrame"/>. It allocates nothing once the frame's symbol has been seen.
/// </summary>
/// <remarks>
/// <para>Shapes taken: <c>{"stream":"&lt;name&gt;","data":{…}}</c> (keys in that order) or a bare payload, where the
/// payload's first key is <c>"e"</c> naming one of the kinds above, or <c>"u"</c> (spot bookTicker, which has no
/// <c>e</c>). Inside the payload, keys may come in any order and unknown keys with scalar values are skipped, as
/// Binance adds fields over time (<c>ps</c>, <c>st</c>, <c>nq</c>, <c>ap</c>).</para>
/// <para><see cref="TryParse"/> returning false never means "malformed": it means the frame is outside these
/// expectations (whitespace, escapes, nested unknown values, arrays, control replies, partial depth, other kinds,
/// or anything invalid), and the caller must use the general <see cref="System.Text.Json.Utf8JsonReader"/> path,
/// which gives the verdict. When it returns true the general path would have produced exactly the same values:
/// the same required keys, range checks, duplicate-key rule (the last value wins) and number parsing.</para>
/// </remarks>
internal static class BinanceWireParser
{
    // Required-key bits, as in the general readers (BinanceAggTradeMsg and friends); distinct within each kind.
    private const int S = 1, E = 2, Id = 4, P = 8, Q = 16, T = 32, M = 64;
    private const int TradeKeys = S | E | Id | P | Q | T | M;
    private const int BidP = 8, BidQ = 16, AskP = 32, AskQ = 64;
    private const int BookKeys = S | Id | BidP | BidQ | AskP | AskQ;
    private const int First = 4, Final = 8, BidSide = 16, AskSide = 32;
    private const int DepthKeys = S | E | First | Final | BidSide | AskSide;
    private const int Rate = 16;
    private const int MarkKeys = S | E | P | Rate | T;

    private const int St = 's' | ('t' << 8), Pu = 'p' | ('u' << 8);

    /// <summary>Parses <paramref name="frame"/> into <paramref name="into"/>; false = use the general path.</summary>
    public static bool TryParse(ReadOnlySpan<byte> frame, SymbolCache symbols, ParsedFrame into)
    {
        into.Reset();
        var cursor = new WireCursor(frame);
        if (cursor.TryLiteral("{\"stream\":"u8))
        {
            if (!cursor.TryString(out var start, out var length)
                // Partial depth looks like a diff but is not one; the general path reports it as Unknown.
                || StreamName.IsPartialDepth(frame.Slice(start, length))
                || !cursor.TryLiteral(",\"data\":"u8)
                || !TryParsePayload(ref cursor, symbols, into)
                || !cursor.TryByte((byte)'}'))
                return false;
            into.StreamStart = start;
            into.StreamLength = length;
        }
        else if (!TryParsePayload(ref cursor, symbols, into))
        {
            return false;
        }

        return cursor.AtEnd();
    }

    private static bool TryParsePayload(ref WireCursor cursor, SymbolCache symbols, ParsedFrame into)
    {
        if (cursor.TryLiteral("{\"u\":"u8)) return TryParseBookTicker(ref cursor, symbols, into, spot: true);
        if (!cursor.TryLiteral("{\"e\":"u8)) return false;
        if (cursor.TryLiteral("\"aggTrade\""u8)) return TryParseTrade(ref cursor, symbols, into, BinanceEventType.AggTrade);
        if (cursor.TryLiteral("\"depthUpdate\""u8)) return TryParseDepth(ref cursor, symbols, into);
        if (cursor.TryLiteral("\"bookTicker\""u8)) return TryParseBookTicker(ref cursor, symbols, into, spot: false);
        if (cursor.TryLiteral("\"markPriceUpdate\""u8)) return TryParseMarkPrice(ref cursor, symbols, into);
        if (cursor.TryLiteral("\"trade\""u8)) return TryParseTrade(ref cursor, symbols, into, BinanceEventType.Trade);
        return false;
    }

    /// <summary>aggTrade (id <c>a</c>) or trade (id <c>t</c>): <c>s E p q T m</c> required, <c>st</c> optional.</summary>
    private static bool TryParseTrade(ref WireCursor cursor, SymbolCache symbols, ParsedFrame into, BinanceEventType kind)
    {
        // A local copy the JIT can keep in registers (every reader below is inlined into this loop).
        var c = cursor;
        into.Kind = kind;
        var idKey = kind == BinanceEventType.AggTrade ? 'a' : 't';
        var seen = 0;
        while (c.TryNextMember(out var end))
        {
            if (end)
            {
                cursor = c;
                return seen == TradeKeys;
            }

            if (!c.TryKey(out var key)) return false;
            bool ok;
            if (key == 's') { ok = TryReadSymbol(ref c, symbols, into); seen |= S; }
            else if (key == 'E') { ok = c.TryUnixMs(out var e); into.EventTimeMs = e; seen |= E; }
            else if (key == idKey) { ok = c.TryInt64(out var id); into.Id = id; seen |= Id; }
            else if (key == 'p') { ok = c.TryDecimalString(out var p); into.Price = p; seen |= P; }
            else if (key == 'q') { ok = c.TryDecimalString(out var q); into.Quantity = q; seen |= Q; }
            else if (key == 'T') { ok = c.TryUnixMs(out var t); into.TradeTimeMs = t; seen |= T; }
            else if (key == 'm') { ok = c.TryBool(out var m); into.BuyerIsMaker = m; seen |= M; }
            else if (key == St) { ok = c.TryOptionalInt64(out var st); into.SymbolType = st; }
            else ok = c.TrySkipScalar();
            if (!ok) return false;
        }

        return false;
    }

    /// <summary>
    /// bookTicker: <c>u s b B a A</c> required, <c>E</c> and <c>st</c> optional. The spot form has no <c>e</c> and is
    /// entered with its <c>u</c> key read; an <c>e</c> anywhere in it would make the general path classify by that
    /// instead, so it is refused.
    /// </summary>
    private static bool TryParseBookTicker(ref WireCursor cursor, SymbolCache symbols, ParsedFrame into, bool spot)
    {
        // A local copy the JIT can keep in registers (every reader below is inlined into this loop).
        var c = cursor;
        into.Kind = BinanceEventType.BookTicker;
        var seen = 0;
        if (spot)
        {
            if (!c.TryInt64(out var u)) return false;
            into.Id = u;
            seen |= Id;
        }

        while (c.TryNextMember(out var end))
        {
            if (end)
            {
                cursor = c;
                return seen == BookKeys;
            }

            if (!c.TryKey(out var key)) return false;
            bool ok;
            switch (key)
            {
                case 's': ok = TryReadSymbol(ref c, symbols, into); seen |= S; break;
                case 'u': ok = c.TryInt64(out var u); into.Id = u; seen |= Id; break;
                case 'b': ok = c.TryDecimalString(out var b); into.BidPrice = b; seen |= BidP; break;
                case 'B': ok = c.TryDecimalString(out var bq); into.BidQuantity = bq; seen |= BidQ; break;
                case 'a': ok = c.TryDecimalString(out var a); into.AskPrice = a; seen |= AskP; break;
                case 'A': ok = c.TryDecimalString(out var aq); into.AskQuantity = aq; seen |= AskQ; break;
                case 'E': ok = c.TryUnixMs(out var e); into.EventTimeMs = e; break;
                // An "e" would make the general path classify by it; a long key could be "data" or "result",
                // which make a bare object a wrapper or a control reply there.
                case 'e' or WireCursor.LongKey when spot: return false;
                default:
                    if (key == St) { ok = c.TryOptionalInt64(out var st); into.SymbolType = st; }
                    else ok = c.TrySkipScalar();
                    break;
            }

            if (!ok) return false;
        }

        return false;
    }

    /// <summary>depthUpdate: <c>s E U u b a</c> required, <c>pu</c> (null on spot) and <c>st</c> optional.</summary>
    private static bool TryParseDepth(ref WireCursor cursor, SymbolCache symbols, ParsedFrame into)
    {
        // A local copy the JIT can keep in registers (every reader below is inlined into this loop).
        var c = cursor;
        into.Kind = BinanceEventType.DepthUpdate;
        var seen = 0;
        while (c.TryNextMember(out var end))
        {
            if (end)
            {
                cursor = c;
                return seen == DepthKeys;
            }

            if (!c.TryKey(out var key)) return false;
            bool ok;
            switch (key)
            {
                case 'b': ok = c.TryLevels(into.Bids); seen |= BidSide; break;
                case 'a': ok = c.TryLevels(into.Asks); seen |= AskSide; break;
                case 's': ok = TryReadSymbol(ref c, symbols, into); seen |= S; break;
                case 'E': ok = c.TryUnixMs(out var e); into.EventTimeMs = e; seen |= E; break;
                case 'U': ok = c.TryInt64(out var first); into.FirstUpdateId = first; seen |= First; break;
                case 'u': ok = c.TryInt64(out var final); into.FinalUpdateId = final; seen |= Final; break;
                default:
                    if (key == Pu) { ok = c.TryOptionalInt64(out var pu); into.PreviousFinalUpdateId = pu; }
                    else if (key == St) { ok = c.TryOptionalInt64(out var st); into.SymbolType = st; }
                    else ok = c.TrySkipScalar();
                    break;
            }

            if (!ok) return false;
        }

        return false;
    }

    /// <summary>markPriceUpdate: <c>s E p r T</c> required (<c>r</c> may be empty), <c>i</c> and <c>st</c> optional.</summary>
    private static bool TryParseMarkPrice(ref WireCursor cursor, SymbolCache symbols, ParsedFrame into)
    {
        // A local copy the JIT can keep in registers (every reader below is inlined into this loop).
        var c = cursor;
        into.Kind = BinanceEventType.MarkPriceUpdate;
        var seen = 0;
        while (c.TryNextMember(out var end))
        {
            if (end)
            {
                cursor = c;
                return seen == MarkKeys;
            }

            if (!c.TryKey(out var key)) return false;
            bool ok;
            switch (key)
            {
                case 's': ok = TryReadSymbol(ref c, symbols, into); seen |= S; break;
                case 'E': ok = c.TryUnixMs(out var e); into.EventTimeMs = e; seen |= E; break;
                case 'p': ok = c.TryDecimalString(out var p); into.MarkPrice = p; seen |= P; break;
                case 'i': ok = c.TryOptionalDecimalString(out var i); into.IndexPrice = i; break;
                case 'r': ok = c.TryOptionalDecimalString(out var r); into.FundingRate = r; seen |= Rate; break;
                case 'T': ok = c.TryUnixMs(out var t); into.NextFundingTimeMs = t; seen |= T; break;
                default:
                    if (key == St) { ok = c.TryOptionalInt64(out var st); into.SymbolType = st; }
                    else ok = c.TrySkipScalar();
                    break;
            }

            if (!ok) return false;
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryReadSymbol(ref WireCursor cursor, SymbolCache symbols, ParsedFrame into)
    {
        if (!cursor.TryRawString(out var utf8) || !symbols.TryGet(utf8, out var symbol)) return false;
        into.Symbol = symbol;
        return true;
    }
}
