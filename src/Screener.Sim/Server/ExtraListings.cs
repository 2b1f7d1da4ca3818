using Screener.Sim.Market;

namespace Screener.Sim.Server;

/// <summary>
/// exchangeInfo rows that are listed but not simulated, so universe filters have something to filter: a
/// quarterly (non-PERPETUAL), a SETTLING perpetual being delisted, a PENDING_TRADING listing and a USDC-quoted
/// perpetual. Live, the quarterly and the USDC perpetual also stream and answer REST; here they do neither:
/// subscriptions are ACKed and stay silent, and REST market data answers -1121 (Invalid symbol).
/// </summary>
internal static class ExtraListings
{
    public static IReadOnlyList<Listing> All { get; } = Build();

    private static Listing[] Build()
    {
        var btc = SymbolCatalog.Create(1)[0];
        var old = new SymbolSpec("OLDCOINUSDT", "OLDCOIN", 0.05000m, 0.00001m, 1m, 5, 0, 1.2, 1e-4, 1, 5m);
        var fresh = new SymbolSpec("NEWCOINUSDT", "NEWCOIN", 0.5000m, 0.0001m, 1m, 4, 0, 1.2, 1e-4, 1, 5m);
        return
        [
            new Listing("BTCUSDT_261225", "BTCUSDT", "CURRENT_QUARTER", "TRADING", Ms(2026, 12, 25), Ms(2026, 6, 26),
                "USDT", btc with { Symbol = "BTCUSDT_261225" }),
            new Listing("OLDCOINUSDT", "OLDCOINUSDT", "PERPETUAL", "SETTLING", Listing.PerpetualDeliveryDateMs, Ms(2024, 3, 1),
                "USDT", old),
            new Listing("NEWCOINUSDT", "NEWCOINUSDT", "PERPETUAL", "PENDING_TRADING", Listing.PerpetualDeliveryDateMs, Ms(2027, 1, 15),
                "USDT", fresh),
            new Listing("BTCUSDC", "BTCUSDC", "PERPETUAL", "TRADING", Listing.PerpetualDeliveryDateMs, Ms(2024, 1, 5),
                "USDC", btc with { Symbol = "BTCUSDC" }),
        ];
    }

    /// <summary>Deliveries and listings happen at 08:00 UTC.</summary>
    private static long Ms(int year, int month, int day) => new DateTimeOffset(year, month, day, 8, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
}
