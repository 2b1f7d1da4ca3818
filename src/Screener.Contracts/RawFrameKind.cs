using System.Text.Json.Serialization;

namespace Screener.Contracts;

/// <summary>Where a <see cref="RawFrame"/> came from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RawFrameKind>))]
public enum RawFrameKind
{
    /// <summary>A WebSocket text frame exactly as received.</summary>
    WebSocket = 0,

    /// <summary>A REST response wrapped by the connector (for example a depth snapshot), so replay sees it too.</summary>
    Rest = 1,

    /// <summary>A clock heartbeat injected at the merge point while the market is quiet; empty payload.</summary>
    Heartbeat = 2,

    /// <summary>
    /// A node-level status event (connection up or down, stream stale) written by the node itself: the payload is
    /// the canonical JSON of the <see cref="Market.MarketEvent"/> (<see cref="Serialization.ContractSerializer.ToJson"/>),
    /// so status is journaled and replayed like market data.
    /// </summary>
    Status = 3,
}
