namespace Screener.Contracts;

/// <summary>An event-time cadence tick for one symbol: the signal to publish a FeatureSnapshot.</summary>
/// <param name="Time">Cadence time, UTC ticks (a multiple of the cadence).</param>
/// <param name="RoundSize">How many symbols were ticked at this time; the ranker waits for that many predictions.</param>
public sealed record Tick(string Symbol, long Time, int RoundSize, MarketContext Context) : IScreenerMessage, IWithSymbol;
