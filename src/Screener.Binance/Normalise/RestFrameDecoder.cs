using System.Text.Json;
using Screener.Binance.Wire;
using Screener.Contracts;
using Screener.Contracts.Market;

namespace Screener.Binance.Normalise;

/// <summary>
/// Decodes the connector's REST envelope <c>{"rest":"&lt;kind&gt;","symbol":"&lt;SYM&gt;","data":&lt;body&gt;}</c>
/// (see <see cref="Transport.RestEnvelope"/>). Key order does not matter.
/// </summary>
/// <remarks>
/// Kinds: <c>depth</c> → DepthSnapshot, <c>openInterest</c> → OpenInterest, <c>premiumIndex</c> → one MarkPrice per
/// row, <c>fundingInfo</c> → one FundingInterval per row (rows: an array for <c>"symbol":"*"</c>, an object for one
/// symbol); any other kind is Unknown once its JSON checks out.
/// </remarks>
internal static class RestFrameDecoder
{
    /// <summary>Envelope kind of <c>GET /fapi/v1/premiumIndex</c> (mark, index, funding per symbol).</summary>
    public const string PremiumIndexKind = "premiumIndex";

    /// <summary>Envelope kind of <c>GET /fapi/v1/fundingInfo</c> (funding interval per adjusted symbol).</summary>
    public const string FundingInfoKind = "fundingInfo";

    private enum Kind { Missing, Depth, OpenInterest, PremiumIndex, FundingInfo, Other }

    public static DecodeOutcome Decode(ReadOnlySpan<byte> payload, in DecodeContext context, List<MarketEvent> events)
    {
        var reader = new Utf8JsonReader(payload, FrameJson.Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return DecodeOutcome.Malformed;
        var outcome = DecodeEnvelope(ref reader, context, events);
        return FrameJson.EndsCleanly(ref reader, outcome);
    }

    private static DecodeOutcome DecodeEnvelope(ref Utf8JsonReader reader, in DecodeContext context, List<MarketEvent> events)
    {
        var kind = KindOf(reader);
        if (kind == Kind.Missing) return DecodeOutcome.Malformed;

        string symbol = "";
        BinanceDepthSnapshotMsg depth = default;
        BinanceOpenInterestMsg openInterest = default;
        var sawData = false;
        var rows = DecodeOutcome.Malformed;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("symbol"u8)) ok = JsonValues.TryReadSymbol(ref reader, context.Symbols, out symbol);
            else if (reader.ValueTextEquals("data"u8))
            {
                // The connector writes one body per envelope; a second one would double the rows.
                if (sawData) return DecodeOutcome.Malformed;
                sawData = true;
                if (!reader.Read()) return DecodeOutcome.Malformed;
                var isObject = reader.TokenType == JsonTokenType.StartObject;
                ok = kind switch
                {
                    Kind.Depth => isObject && BinanceDepthSnapshotMsg.TryRead(ref reader, context.LevelScratch, out depth),
                    Kind.OpenInterest => isObject && BinanceOpenInterestMsg.TryRead(ref reader, context.Symbols, out openInterest),
                    Kind.PremiumIndex => (rows = RestRowsDecoder.DecodePremiumIndex(ref reader, context, events)) != DecodeOutcome.Malformed,
                    Kind.FundingInfo => (rows = RestRowsDecoder.DecodeFundingInfo(ref reader, context, events)) != DecodeOutcome.Malformed,
                    // Bodies of kinds decoded elsewhere (or later) may be arrays or objects: only their JSON is checked.
                    _ => SkipValue(ref reader),
                };
            }
            else { reader.Skip(); ok = true; }
            if (!ok) return DecodeOutcome.Malformed;
        }

        if (reader.TokenType != JsonTokenType.EndObject || !sawData) return DecodeOutcome.Malformed;
        switch (kind)
        {
            case Kind.Depth when symbol.Length > 0:
                events.Add(BinanceNormalise.ToDepthSnapshot(depth, symbol, context.TsInit, context.Sequence));
                return DecodeOutcome.Events;
            case Kind.OpenInterest:
                events.Add(BinanceNormalise.ToOpenInterest(openInterest, context.TsInit, context.Sequence));
                return DecodeOutcome.Events;
            case Kind.PremiumIndex or Kind.FundingInfo:
                return rows;
            case Kind.Other:
                return DecodeOutcome.Unknown;
            default:
                return DecodeOutcome.Malformed;
        }
    }

    private static bool SkipValue(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return true;
    }

    /// <summary>The envelope's <c>rest</c> kind, read from a copy of the reader so <c>data</c> may come first.</summary>
    private static Kind KindOf(Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("rest"u8))
            {
                reader.Skip();
                continue;
            }

            if (!reader.Read() || reader.TokenType != JsonTokenType.String) return Kind.Missing;
            if (reader.ValueTextEquals(Transport.RestEnvelope.DepthKind)) return Kind.Depth;
            if (reader.ValueTextEquals(Transport.RestEnvelope.OpenInterestKind)) return Kind.OpenInterest;
            if (reader.ValueTextEquals(PremiumIndexKind)) return Kind.PremiumIndex;
            if (reader.ValueTextEquals(FundingInfoKind)) return Kind.FundingInfo;
            return Kind.Other;
        }

        return Kind.Missing;
    }
}
