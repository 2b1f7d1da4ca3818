using System.Text;
using Screener.Binance.Normalise;
using Screener.Contracts;
using Screener.Contracts.Market;
using Screener.Contracts.Serialization;

namespace Screener.Binance.Tests.Fuzz;

/// <summary>
/// The decoder with its fast path and the same decoder on the general path only. Results are compared by outcome
/// and by the events' canonical JSON, which (unlike record equality) also tells <c>1.0</c> from <c>1.00</c>.
/// </summary>
internal sealed class DecoderPair
{
    public BinanceFrameDecoder Fast { get; } = new();

    public BinanceFrameDecoder General { get; } = new(fastPath: false);

    public static (DecodeOutcome Outcome, string Events) Run(BinanceFrameDecoder decoder, RawFrame frame)
    {
        var events = new List<MarketEvent>();
        var outcome = decoder.Decode(frame, events);
        return (outcome, Canonical(events));
    }

    public static string Canonical(IEnumerable<MarketEvent> events)
    {
        var sb = new StringBuilder();
        foreach (var e in events) sb.Append(Encoding.UTF8.GetString(ContractSerializer.ToJson(e))).Append('\n');
        return sb.ToString();
    }

    /// <summary>Asserts both paths give the same verdict and events; returns that result.</summary>
    public (DecodeOutcome Outcome, string Events) AssertAgree(RawFrame frame, string label)
    {
        var fast = Run(Fast, frame);
        var general = Run(General, frame);
        Assert.True(fast == general,
            $"{label}: fast {fast.Outcome} vs general {general.Outcome}\nframe: {Encoding.UTF8.GetString(frame.Payload.Span)}\nfast:\n{fast.Events}general:\n{general.Events}");
        return fast;
    }
}
