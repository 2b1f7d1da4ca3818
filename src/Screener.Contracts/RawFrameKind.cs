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
}
