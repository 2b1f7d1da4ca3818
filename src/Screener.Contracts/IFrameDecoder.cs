using Screener.Contracts.Market;

namespace Screener.Contracts;

/// <summary>
/// Turns raw exchange frames into normalised market events. The graph's parse stage takes one as an argument,
/// so the exchange adapter plugs in without the graph referencing it.
/// </summary>
public interface IFrameDecoder
{
    /// <summary>Decodes <paramref name="frame"/>, appending any events to <paramref name="output"/>. Never throws on bad input.</summary>
    DecodeOutcome Decode(RawFrame frame, ICollection<MarketEvent> output);
}
