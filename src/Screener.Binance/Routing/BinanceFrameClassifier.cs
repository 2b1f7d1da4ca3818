using Screener.Binance.Wire;
using Screener.Contracts;

namespace Screener.Binance.Routing;

/// <summary>
/// Classifies a combined-stream frame by its leading <c>{"stream":"&lt;symbol&gt;@&lt;kind&gt;…"</c> without parsing
/// the payload. Frames in another shape (bare payloads, REST envelopes, status, control replies) are
/// <see cref="FrameCategory.Other"/>, which the router never sheds.
/// </summary>
public sealed class BinanceFrameClassifier : IFrameClassifier
{
    private static readonly byte[] Prefix = "{\"stream\":\""u8.ToArray();
    private readonly SymbolCache _symbols = new();

    public (FrameCategory Category, string? Symbol) Classify(RawFrame frame)
    {
        if (frame.Kind != RawFrameKind.WebSocket) return (FrameCategory.Other, null);
        var span = frame.Payload.Span;
        if (!span.StartsWith(Prefix)) return (FrameCategory.Other, null);
        var name = span[Prefix.Length..];
        var end = name.IndexOf((byte)'"');
        if (end <= 0) return (FrameCategory.Other, null);
        name = name[..end];
        var at = name.IndexOf((byte)'@');
        if (at <= 0 || name[0] == (byte)'!') return (FrameCategory.Other, null);
        var kind = name[(at + 1)..];
        var category =
            kind.StartsWith("bookTicker"u8) ? FrameCategory.BookTicker :
            kind.StartsWith("depth"u8) ? FrameCategory.Depth :
            kind.StartsWith("aggTrade"u8) || kind.StartsWith("trade"u8) ? FrameCategory.Trade :
            FrameCategory.MarketData;
        return _symbols.TryGet(name[..at], out var symbol) ? (category, symbol) : (FrameCategory.Other, null);
    }
}
