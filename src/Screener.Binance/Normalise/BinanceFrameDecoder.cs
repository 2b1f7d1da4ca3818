using Screener.Binance.Wire;
using Screener.Contracts;
using Screener.Contracts.Market;

namespace Screener.Binance.Normalise;

/// <summary>
/// The Binance <see cref="IFrameDecoder"/>: turns USDⓈ-M futures (and spot) WebSocket frames and the connector's
/// REST envelopes into canonical market events. Prices and quantities are parsed exactly as decimals.
/// Thread-safe: one instance may serve several parse stages.
/// </summary>
/// <remarks>
/// Two paths, one answer. WebSocket frames first go to <see cref="BinanceWireParser"/>, a byte scanner for the
/// compact hot kinds (aggTrade, trade, bookTicker, depthUpdate, markPriceUpdate) that parses into a per-thread
/// <see cref="ParsedFrame"/> without allocating; only the output record is allocated. Whatever it declines
/// (arrays, control replies, other kinds, whitespace, escapes, anything broken) is read by the general path over
/// <see cref="System.Text.Json.Utf8JsonReader"/>, which also decides every Malformed verdict. The two agree on
/// every frame the scanner takes (checked by the fuzz and equivalence specs).
/// </remarks>
/// <remarks>
/// Outcomes: market payloads → <see cref="DecodeOutcome.Events"/>; subscribe/list/error replies and heartbeats →
/// <see cref="DecodeOutcome.Control"/>; well-formed kinds not decoded here (tickers, partial depth,
/// <c>serverShutdown</c>, COIN-M rows) → <see cref="DecodeOutcome.Unknown"/>; anything else →
/// <see cref="DecodeOutcome.Malformed"/>. Events reach the output only when the whole frame decoded, and no
/// exception escapes <see cref="Decode"/>.
/// </remarks>
public sealed class BinanceFrameDecoder : IFrameDecoder
{
    [ThreadStatic] private static List<MarketEvent>? t_events;
    [ThreadStatic] private static List<PriceLevel>? t_levels;
    [ThreadStatic] private static ParsedFrame? t_parsed;

    private readonly SymbolCache _symbols = new();
    private readonly bool _fastPath;

    public BinanceFrameDecoder()
        : this(fastPath: true)
    {
    }

    /// <summary>With <paramref name="fastPath"/> false every frame takes the general path (for equivalence checks).</summary>
    internal BinanceFrameDecoder(bool fastPath) => _fastPath = fastPath;

    /// <inheritdoc />
    public DecodeOutcome Decode(RawFrame frame, ICollection<MarketEvent> output)
    {
        if (frame is null || output is null) return DecodeOutcome.Malformed;
        // Heartbeats are handled by the graph and should never arrive here; they carry no market data either way.
        if (frame.Kind == RawFrameKind.Heartbeat) return DecodeOutcome.Control;

        if (_fastPath && frame.Kind == RawFrameKind.WebSocket && TryDecodeFast(frame, output, out var fast)) return fast;

        var events = t_events ??= new List<MarketEvent>(4);
        var levels = t_levels ??= new List<PriceLevel>(256);
        events.Clear();
        try
        {
            var context = new DecodeContext(frame.TsInit, frame.Sequence, _symbols, levels);
            var outcome = frame.Kind switch
            {
                RawFrameKind.WebSocket => WebSocketFrameDecoder.Decode(frame.Payload.Span, context, events),
                RawFrameKind.Rest => RestFrameDecoder.Decode(frame.Payload.Span, context, events),
                _ => DecodeOutcome.Malformed,
            };
            if (outcome == DecodeOutcome.Events)
                foreach (var e in events) output.Add(e);
            return outcome;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Invalid JSON surfaces as JsonException from the reader; any other fault is treated the same way,
            // because a bad frame must be counted, not allowed to fail the stream.
            return DecodeOutcome.Malformed;
        }
        finally
        {
            events.Clear();
            levels.Clear();
        }
    }

    /// <summary>
    /// The fast path: true with the outcome when <see cref="BinanceWireParser"/> took the frame, false to fall back.
    /// Faults are contained like the general path's: the frame is counted, never thrown.
    /// </summary>
    private bool TryDecodeFast(RawFrame frame, ICollection<MarketEvent> output, out DecodeOutcome outcome)
    {
        outcome = DecodeOutcome.Events;
        var parsed = t_parsed ??= new ParsedFrame();
        MarketEvent decoded;
        try
        {
            if (!BinanceWireParser.TryParse(frame.Payload.Span, _symbols, parsed)) return false;
            if (BinanceNormalise.IsCoinMargined(parsed.SymbolType))
            {
                outcome = DecodeOutcome.Unknown;
                return true;
            }

            decoded = BinanceNormalise.FromParsed(parsed, frame.TsInit, frame.Sequence);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The scanner checks its bounds; should it still fault, the general path gives the verdict.
            return false;
        }

        try
        {
            output.Add(decoded);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            outcome = DecodeOutcome.Malformed;
        }

        return true;
    }
}
