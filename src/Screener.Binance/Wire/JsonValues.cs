using System.Text.Json;
using Screener.Contracts;
using Screener.Contracts.Market;

namespace Screener.Binance.Wire;

/// <summary>
/// Typed value readers over <see cref="Utf8JsonReader"/>. Each one advances the reader onto the value that follows
/// a property name and returns false when the value has the wrong JSON type or does not parse: a broken frame
/// is data (Malformed), never an exception, and the hot path does not pay for exceptions.
/// </summary>
internal static class JsonValues
{
    /// <summary>Largest accepted Unix millisecond time (9999-12-31), so tick conversion cannot overflow.</summary>
    public const long MaxUnixMs = 253_402_300_799_999;

    private const int MaxDecimalBytes = WireNumbers.MaxDecimalBytes;

    /// <summary>A decimal carried as a JSON string, parsed exactly (never through double).</summary>
    public static bool TryReadDecimal(ref Utf8JsonReader reader, out decimal value)
    {
        value = 0;
        return reader.Read() && reader.TokenType == JsonTokenType.String && TryParseDecimal(ref reader, out value);
    }

    /// <summary>
    /// Like <see cref="TryReadDecimal"/>, but an empty string or null reads as "no value": Binance sends <c>""</c>
    /// for fields that do not apply (for example the funding rate of a delivery contract).
    /// </summary>
    public static bool TryReadOptionalDecimal(ref Utf8JsonReader reader, out decimal? value)
    {
        value = null;
        if (!reader.Read()) return false;
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (reader.TokenType != JsonTokenType.String) return false;
        if (reader.ValueSpan.IsEmpty) return true;
        if (!TryParseDecimal(ref reader, out var parsed)) return false;
        value = parsed;
        return true;
    }

    public static bool TryReadInt64(ref Utf8JsonReader reader, out long value)
    {
        value = 0;
        return reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out value);
    }

    /// <summary>An int64 that may be JSON null (for example <c>pu</c>).</summary>
    public static bool TryReadOptionalInt64(ref Utf8JsonReader reader, out long? value)
    {
        value = null;
        if (!reader.Read()) return false;
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var parsed)) return false;
        value = parsed;
        return true;
    }

    /// <summary>A Unix millisecond time within the range UTC ticks can represent.</summary>
    public static bool TryReadUnixMs(ref Utf8JsonReader reader, out long value) =>
        TryReadInt64(ref reader, out value) && value is >= 0 and <= MaxUnixMs;

    public static bool TryReadBool(ref Utf8JsonReader reader, out bool value)
    {
        value = false;
        if (!reader.Read()) return false;
        switch (reader.TokenType)
        {
            case JsonTokenType.True: value = true; return true;
            case JsonTokenType.False: return true;
            default: return false;
        }
    }

    /// <summary>A symbol string, uppercased and interned.</summary>
    public static bool TryReadSymbol(ref Utf8JsonReader reader, SymbolCache symbols, out string symbol)
    {
        symbol = "";
        if (!reader.Read() || reader.TokenType != JsonTokenType.String) return false;
        // Escapes never occur in real symbols; the slow path keeps such frames correct rather than rejecting them.
        return reader.ValueIsEscaped
            ? symbols.TryGet(reader.GetString().AsSpan(), out symbol)
            : symbols.TryGet(reader.ValueSpan, out symbol);
    }

    /// <summary>A short enumeration-like string (kline interval, order status), interned when well known.</summary>
    public static bool TryReadToken(ref Utf8JsonReader reader, out string value)
    {
        value = "";
        if (!reader.Read() || reader.TokenType != JsonTokenType.String) return false;
        value = WellKnownTokens.Get(ref reader);
        return value.Length > 0;
    }

    /// <summary>Order side as sent in <c>forceOrder</c>: <c>"BUY"</c> or <c>"SELL"</c>.</summary>
    public static bool TryReadSide(ref Utf8JsonReader reader, out Side side)
    {
        side = Side.Buy;
        if (!reader.Read() || reader.TokenType != JsonTokenType.String) return false;
        if (reader.ValueTextEquals("BUY"u8)) return true;
        if (!reader.ValueTextEquals("SELL"u8)) return false;
        side = Side.Sell;
        return true;
    }

    /// <summary>
    /// Book levels <c>[["price","qty"],…]</c>. Extra elements after the quantity (old spot payloads carried an
    /// ignored third one) are skipped.
    /// </summary>
    public static bool TryReadLevels(ref Utf8JsonReader reader, List<PriceLevel> scratch, out EquatableArray<PriceLevel> levels)
    {
        levels = EquatableArray<PriceLevel>.Empty;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) return false;
        scratch.Clear();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartArray) return false;
            if (!TryReadDecimal(ref reader, out var price) || !TryReadDecimal(ref reader, out var quantity)) return false;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) reader.Skip();
            scratch.Add(new PriceLevel(price, quantity));
        }

        if (reader.TokenType != JsonTokenType.EndArray) return false;
        levels = scratch.Count == 0 ? EquatableArray<PriceLevel>.Empty : new EquatableArray<PriceLevel>(scratch.ToArray());
        scratch.Clear();
        return true;
    }

    private static bool TryParseDecimal(ref Utf8JsonReader reader, out decimal value)
    {
        value = 0;
        if (!reader.ValueIsEscaped) return TryParseDecimal(reader.ValueSpan, out value);
        if (reader.ValueSpan.Length > MaxDecimalBytes * 6) return false;
        Span<byte> unescaped = stackalloc byte[MaxDecimalBytes * 6];
        var length = reader.CopyString(unescaped);
        return TryParseDecimal(unescaped[..length], out value);
    }

    /// <summary>Exact decimal parse of the whole span; partial parses ("1.2x") are rejected.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<byte> text, out decimal value) => WireNumbers.TryParseDecimal(text, out value);
}
