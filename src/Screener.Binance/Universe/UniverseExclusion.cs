namespace Screener.Binance.Universe;

/// <summary>An exchangeInfo symbol left out of the <see cref="Universe"/>, and the first filter that left it out.</summary>
/// <param name="Symbol">Uppercase symbol.</param>
/// <param name="Reason">Human-readable reason, for example <c>contract type TRADIFI_PERPETUAL not in [PERPETUAL]</c>.</param>
public sealed record UniverseExclusion(string Symbol, string Reason);
