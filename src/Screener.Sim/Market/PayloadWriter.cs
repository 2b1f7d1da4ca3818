using System.Buffers;
using System.Text.Json;

namespace Screener.Sim.Market;

/// <summary>
/// Writes fstream payloads with the key order, types and decimal strings of the 2026 recordings in
/// <c>/work/shared/binance/vectors</c>. One reusable writer per market; not thread-safe.
/// </summary>
internal sealed class PayloadWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _json;
    private readonly byte[] _scratch = new byte[48];

    public PayloadWriter() => _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });

    public byte[] DepthUpdate(SymbolSpec spec, SymbolFormat format, long eventTimeMs, DepthDiffData diff)
    {
        var w = Begin();
        w.WriteString("e"u8, "depthUpdate"u8);
        w.WriteNumber("E"u8, eventTimeMs);
        w.WriteNumber("T"u8, diff.TransactionTimeMs);
        w.WriteString("s"u8, spec.Symbol);
        w.WriteString("ps"u8, spec.Symbol);
        w.WriteNumber("U"u8, diff.FirstUpdateId);
        w.WriteNumber("u"u8, diff.FinalUpdateId);
        w.WriteNumber("pu"u8, diff.PreviousFinalUpdateId);
        WriteLevels("b"u8, format, diff.Bids);
        WriteLevels("a"u8, format, diff.Asks);
        w.WriteNumber("st"u8, 1);
        return End();
    }

    public byte[] BookTicker(SymbolSpec spec, SymbolFormat format, long updateId, BookTop top, long transactionTimeMs, long eventTimeMs)
    {
        var w = Begin();
        w.WriteString("e"u8, "bookTicker"u8);
        w.WriteNumber("u"u8, updateId);
        w.WriteString("s"u8, spec.Symbol);
        w.WriteString("ps"u8, spec.Symbol);
        WritePrice("b"u8, format, top.BidTick);
        WriteQuantity("B"u8, format, top.BidLots);
        WritePrice("a"u8, format, top.AskTick);
        WriteQuantity("A"u8, format, top.AskLots);
        w.WriteNumber("T"u8, transactionTimeMs);
        w.WriteNumber("E"u8, eventTimeMs);
        w.WriteNumber("st"u8, 1);
        return End();
    }

    public byte[] AggTrade(SymbolSpec spec, SymbolFormat format, long eventTimeMs, AggregateTrade trade)
    {
        var w = Begin();
        w.WriteString("e"u8, "aggTrade"u8);
        w.WriteNumber("E"u8, eventTimeMs);
        w.WriteNumber("a"u8, trade.AggregateId);
        w.WriteString("s"u8, spec.Symbol);
        WritePrice("p"u8, format, trade.Tick);
        WriteQuantity("q"u8, format, trade.Lots);
        // No RPI liquidity is simulated, so the non-RPI quantity equals the quantity.
        WriteQuantity("nq"u8, format, trade.Lots);
        w.WriteNumber("f"u8, trade.FirstTradeId);
        w.WriteNumber("l"u8, trade.LastTradeId);
        w.WriteNumber("T"u8, trade.TimeMs);
        w.WriteBoolean("m"u8, trade.BuyerIsMaker);
        w.WriteNumber("st"u8, 1);
        return End();
    }

    public byte[] Trade(SymbolSpec spec, SymbolFormat format, long eventTimeMs, Fill fill)
    {
        var w = Begin();
        w.WriteString("e"u8, "trade"u8);
        w.WriteNumber("E"u8, eventTimeMs);
        w.WriteNumber("T"u8, fill.TimeMs);
        w.WriteString("s"u8, spec.Symbol);
        w.WriteNumber("t"u8, fill.TradeId);
        WritePrice("p"u8, format, fill.Tick);
        WriteQuantity("q"u8, format, fill.Lots);
        w.WriteString("X"u8, "MARKET"u8);
        w.WriteBoolean("m"u8, fill.BuyerIsMaker);
        return End();
    }

    public byte[] MarkPrice(SymbolSpec spec, long eventTimeMs, MarkState mark)
    {
        var w = Begin();
        w.WriteString("e"u8, "markPriceUpdate"u8);
        w.WriteNumber("E"u8, eventTimeMs);
        w.WriteString("s"u8, spec.Symbol);
        WriteEight("p"u8, mark.Mark);
        WriteEight("ap"u8, mark.MarkAverage);
        WriteEight("P"u8, mark.EstimatedSettle);
        WriteEight("i"u8, mark.Index);
        WriteEight("r"u8, mark.FundingRate);
        w.WriteNumber("T"u8, MarkState.NextFundingTime(eventTimeMs, spec.FundingIntervalHours));
        w.WriteNumber("st"u8, 1);
        return End();
    }

    public byte[] ForceOrder(SymbolSpec spec, SymbolFormat format, long eventTimeMs, Liquidation liquidation)
    {
        var w = Begin();
        w.WriteString("e"u8, "forceOrder"u8);
        w.WriteNumber("E"u8, eventTimeMs);
        w.WriteStartObject("o"u8);
        w.WriteString("s"u8, spec.Symbol);
        w.WriteString("S"u8, liquidation.IsSell ? "SELL"u8 : "BUY"u8);
        w.WriteString("o"u8, "LIMIT"u8);
        w.WriteString("f"u8, "IOC"u8);
        WriteQuantity("q"u8, format, liquidation.Lots);
        WritePrice("p"u8, format, liquidation.OrderTick);
        WritePrice("ap"u8, format, liquidation.AverageTick);
        w.WriteString("X"u8, "FILLED"u8);
        WriteQuantity("l"u8, format, liquidation.LastFilledLots);
        WriteQuantity("z"u8, format, liquidation.Lots);
        w.WriteNumber("T"u8, liquidation.TimeMs);
        w.WriteString("ps"u8, spec.Symbol);
        w.WriteNumber("st"u8, 1);
        w.WriteEndObject();
        return End();
    }

    public byte[] Kline(SymbolSpec spec, SymbolFormat format, long eventTimeMs, KlineInterval interval, KlineBar bar)
    {
        var w = Begin();
        w.WriteString("e"u8, "kline"u8);
        w.WriteNumber("E"u8, eventTimeMs);
        w.WriteString("s"u8, spec.Symbol);
        w.WriteStartObject("k"u8);
        w.WriteNumber("t"u8, bar.OpenTimeMs);
        w.WriteNumber("T"u8, bar.CloseTimeMs);
        w.WriteString("s"u8, spec.Symbol);
        w.WriteString("i"u8, interval.Name);
        w.WriteNumber("f"u8, bar.FirstTradeId);
        w.WriteNumber("L"u8, bar.LastTradeId);
        WritePrice("o"u8, format, bar.Open);
        WritePrice("c"u8, format, bar.Close);
        WritePrice("h"u8, format, bar.High);
        WritePrice("l"u8, format, bar.Low);
        WriteQuantity("v"u8, format, bar.VolumeLots);
        w.WriteNumber("n"u8, bar.Trades);
        w.WriteBoolean("x"u8, bar.Closed);
        w.WriteString("q"u8, format.Quote(bar.QuoteTickLots));
        WriteQuantity("V"u8, format, bar.TakerBuyLots);
        w.WriteString("Q"u8, format.Quote(bar.TakerBuyQuoteTickLots));
        w.WriteString("B"u8, "0"u8);
        w.WriteEndObject();
        return End();
    }

    /// <summary>All-market array (<c>!markPrice@arr</c>): the per-symbol payloads joined into one JSON array.</summary>
    public static byte[] JoinArray(IReadOnlyList<byte[]> items)
    {
        var length = 2 + Math.Max(0, items.Count - 1);
        foreach (var item in items) length += item.Length;
        var result = new byte[length];
        var pos = 0;
        result[pos++] = (byte)'[';
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0) result[pos++] = (byte)',';
            items[i].CopyTo(result, pos);
            pos += items[i].Length;
        }
        result[pos] = (byte)']';
        return result;
    }

    private Utf8JsonWriter Begin()
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _json.WriteStartObject();
        return _json;
    }

    private byte[] End()
    {
        _json.WriteEndObject();
        _json.Flush();
        return _buffer.WrittenSpan.ToArray();
    }

    private void WriteLevels(ReadOnlySpan<byte> name, SymbolFormat format, IReadOnlyList<(long Tick, long Lots)> levels)
    {
        _json.WriteStartArray(name);
        foreach (var (tick, lots) in levels)
        {
            _json.WriteStartArray();
            _json.WriteStringValue(_scratch.AsSpan(0, format.WritePrice(tick, _scratch)));
            _json.WriteStringValue(_scratch.AsSpan(0, format.WriteQuantity(lots, _scratch)));
            _json.WriteEndArray();
        }
        _json.WriteEndArray();
    }

    private void WritePrice(ReadOnlySpan<byte> name, SymbolFormat format, long ticks) =>
        _json.WriteString(name, _scratch.AsSpan(0, format.WritePrice(ticks, _scratch)));

    private void WriteQuantity(ReadOnlySpan<byte> name, SymbolFormat format, long lots) =>
        _json.WriteString(name, _scratch.AsSpan(0, format.WriteQuantity(lots, _scratch)));

    private void WriteEight(ReadOnlySpan<byte> name, double value) =>
        _json.WriteString(name, _scratch.AsSpan(0, DecimalText.Write(DecimalText.ToUnits(value, 8), 8, _scratch)));
}
