using Screener.Contracts;
using Screener.Contracts.Market;
using Screener.Contracts.Serialization;
using Screener.Binance.Subscriptions;

namespace Screener.Binance.Transport;

/// <summary>
/// The <see cref="RawFrameKind.Status"/> frames a connection source emits, so the node journals its connection history:
/// the payload is <see cref="ContractSerializer.ToJson"/> of a <see cref="Connected"/> or <see cref="Disconnected"/>
/// or <see cref="Subscribed"/> event (TsEvent = TsInit = local time; sequence 0 until the graph sequences).
/// </summary>
public static class StatusFrames
{
    /// <summary>A <see cref="Connected"/> status frame.</summary>
    public static RawFrame Connected(string connectionId, long nowTicks) =>
        new(connectionId, 0, nowTicks, RawFrameKind.Status,
            ContractSerializer.ToJson(new Connected(nowTicks, nowTicks, 0, connectionId)));

    /// <summary>A <see cref="Disconnected"/> status frame with its cause.</summary>
    public static RawFrame Disconnected(string connectionId, string reason, long nowTicks) =>
        new(connectionId, 0, nowTicks, RawFrameKind.Status,
            ContractSerializer.ToJson(new Disconnected(nowTicks, nowTicks, 0, connectionId, reason)));

    /// <summary>A <see cref="Subscribed"/> status frame naming the tracked streams among <paramref name="streams"/>.</summary>
    public static RawFrame Subscribed(string connectionId, IEnumerable<string> streams, long nowTicks) =>
        new(connectionId, 0, nowTicks, RawFrameKind.Status,
            ContractSerializer.ToJson(new Subscribed(nowTicks, nowTicks, 0, connectionId,
                streams.Select(StreamNames.Tracked).OfType<SymbolStream>().Distinct().ToArray())));
}
