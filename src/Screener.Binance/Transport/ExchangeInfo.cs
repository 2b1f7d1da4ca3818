using Screener.Contracts;

namespace Screener.Binance.Transport;

/// <summary>The parts of <c>GET exchangeInfo</c> the screener uses.</summary>
/// <param name="Symbols">Every listed symbol, in the order Binance sent them.</param>
/// <param name="RequestWeightPerMinute">The IP's <c>REQUEST_WEIGHT</c> per minute from <c>rateLimits</c>, when listed.</param>
public sealed record ExchangeInfo(EquatableArray<ExchangeSymbol> Symbols, int? RequestWeightPerMinute);
