using System.Text.Json;
using Screener.Contracts;
using Screener.Contracts.Market;

namespace Screener.Binance.Wire;

/// <summary>
/// REST <c>GET /fapi/v1/depth</c> (or spot <c>/api/v3/depth</c>) body: <c>lastUpdateId</c>, <c>bids</c>,
/// <c>asks</c>; futures add <c>E</c> (message output time) and <c>T</c>. The body carries no symbol.
/// </summary>
internal readonly record struct BinanceDepthSnapshotMsg(
    long LastUpdateId, long? EventTimeMs, EquatableArray<PriceLevel> Bids, EquatableArray<PriceLevel> Asks)
{
    private const int Id = 1, BidSide = 2, AskSide = 4, All = 7;

    /// <summary>Reads the object at the reader's <c>StartObject</c>; false when a field is missing or invalid.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, List<PriceLevel> scratch, out BinanceDepthSnapshotMsg msg)
    {
        msg = default;
        long lastUpdateId = 0;
        long? eventTime = null;
        EquatableArray<PriceLevel> bids = default, asks = default;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("lastUpdateId"u8)) { ok = JsonValues.TryReadInt64(ref reader, out lastUpdateId); seen |= Id; }
            else if (reader.ValueTextEquals("bids"u8)) { ok = JsonValues.TryReadLevels(ref reader, scratch, out bids); seen |= BidSide; }
            else if (reader.ValueTextEquals("asks"u8)) { ok = JsonValues.TryReadLevels(ref reader, scratch, out asks); seen |= AskSide; }
            else if (reader.ValueTextEquals("E"u8))
            {
                ok = JsonValues.TryReadUnixMs(ref reader, out var e);
                eventTime = e;
            }
            else { reader.Skip(); ok = true; }
            if (!ok) return false;
        }

        if (reader.TokenType != JsonTokenType.EndObject || seen != All) return false;
        msg = new BinanceDepthSnapshotMsg(lastUpdateId, eventTime, bids, asks);
        return true;
    }
}
