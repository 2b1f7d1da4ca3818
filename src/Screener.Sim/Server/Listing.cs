using Screener.Sim.Market;

namespace Screener.Sim.Server;

/// <summary>One exchangeInfo <c>symbols[]</c> row: the contract's identity and status, plus the spec its filters come from.</summary>
/// <param name="Symbol">Contract symbol, e.g. <c>BTCUSDT_261225</c>.</param>
/// <param name="Pair">Underlying pair, e.g. <c>BTCUSDT</c>.</param>
/// <param name="ContractType"><c>PERPETUAL</c>, <c>CURRENT_QUARTER</c>, ….</param>
/// <param name="Status"><c>TRADING</c>, <c>SETTLING</c>, <c>PENDING_TRADING</c>, ….</param>
/// <param name="DeliveryDateMs">Delivery (Unix ms); perpetuals carry 2100-12-25.</param>
/// <param name="OnboardDateMs">Listing date (Unix ms).</param>
/// <param name="QuoteAsset">Quote and margin asset.</param>
/// <param name="Spec">Precision and filter source.</param>
internal sealed record Listing(
    string Symbol,
    string Pair,
    string ContractType,
    string Status,
    long DeliveryDateMs,
    long OnboardDateMs,
    string QuoteAsset,
    SymbolSpec Spec)
{
    public const long PerpetualDeliveryDateMs = 4_133_404_800_000;
    private const long DefaultOnboardDateMs = 1_569_398_400_000;

    /// <summary>A simulated symbol: a TRADING USDT perpetual.</summary>
    public static Listing Simulated(SymbolSpec spec) =>
        new(spec.Symbol, spec.Symbol, "PERPETUAL", "TRADING", PerpetualDeliveryDateMs, DefaultOnboardDateMs, "USDT", spec);
}
