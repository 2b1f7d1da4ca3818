using Screener.Binance.Transport;
using Screener.Contracts;
using Screener.Sim.Journal;

namespace Screener.Generate;

/// <summary>
/// The node's framing of a simulated session's frames: what its connection sources and ingest head would have written
/// for the same arrivals. WebSocket payloads verbatim, REST bodies in the connector's <see cref="RestEnvelope"/>,
/// connection status as <see cref="StatusFrames"/>, heartbeats on the clock connection, and the sequence number the
/// ingest head stamps after the merge.
/// </summary>
public static class GeneratedFrames
{
    /// <summary>The raw frame the node journals for <paramref name="frame"/>, numbered <paramref name="sequence"/>.</summary>
    public static RawFrame ToRawFrame(SimJournalFrame frame, long sequence)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var raw = frame switch
        {
            SimWireFrame wire => new RawFrame(wire.ConnectionId, 0, wire.TsInit, RawFrameKind.WebSocket, wire.Payload),
            SimRestFrame rest => new RawFrame(rest.ConnectionId, 0, rest.TsInit, RawFrameKind.Rest, RestEnvelope.Create(KindOf(rest.Call), rest.Symbol, rest.Body)),
            SimConnectedFrame connected => StatusFrames.Connected(connected.ConnectionId, connected.TsInit),
            SimSubscribedFrame subscribed => StatusFrames.Subscribed(subscribed.ConnectionId, subscribed.Streams, subscribed.TsInit),
            SimHeartbeatFrame heartbeat => RawFrame.Heartbeat(heartbeat.TsInit),
            _ => throw new ArgumentException($"Unknown simulated frame {frame.GetType().Name}.", nameof(frame)),
        };
        return raw with { Sequence = sequence };
    }

    /// <summary>The envelope kind the node's REST paths write for <paramref name="call"/>.</summary>
    public static string KindOf(SimRestCall call) => call switch
    {
        SimRestCall.Depth => RestEnvelope.DepthKind,
        SimRestCall.OpenInterest => RestEnvelope.OpenInterestKind,
        SimRestCall.PremiumIndex => RestEnvelope.PremiumIndexKind,
        SimRestCall.FundingInfo => RestEnvelope.FundingInfoKind,
        _ => throw new ArgumentOutOfRangeException(nameof(call), call, "Unknown REST call."),
    };
}
