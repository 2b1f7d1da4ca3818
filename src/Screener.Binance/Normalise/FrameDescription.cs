using Screener.Contracts;
using Screener.Contracts.Market;

namespace Screener.Binance.Normalise;

/// <summary>What one raw frame is and what it decoded to, for tools (<c>screener parse</c>).</summary>
/// <param name="FrameKind">WebSocket, or Rest when the frame is a connector REST envelope.</param>
/// <param name="Stream">The combined wrapper's stream name (<c>btcusdt@aggTrade</c>); null for bare payloads.</param>
/// <param name="RestKind">The REST envelope's <c>rest</c> kind (<c>depth</c>, <c>premiumIndex</c>…); null otherwise.</param>
/// <param name="Outcome">The decoder's verdict.</param>
/// <param name="Events">The events (empty unless <paramref name="Outcome"/> is Events).</param>
public sealed record FrameDescription(
    RawFrameKind FrameKind, string? Stream, string? RestKind, DecodeOutcome Outcome, IReadOnlyList<MarketEvent> Events);
