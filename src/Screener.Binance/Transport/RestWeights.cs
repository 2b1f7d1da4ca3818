namespace Screener.Binance.Transport;

/// <summary>USDⓈ-M futures REST request weights (PROTOCOL.md §5; measured 2026-10-07, agreeing with the docs).</summary>
public static class RestWeights
{
    /// <summary><c>GET /fapi/v1/exchangeInfo</c>.</summary>
    public const int ExchangeInfo = 1;

    /// <summary><c>GET /fapi/v1/openInterest</c> (one symbol).</summary>
    public const int OpenInterest = 1;

    /// <summary>
    /// <c>GET /fapi/v1/fundingInfo</c>: no weight header; it shares a separate 500 requests / 5 min / IP limit, which
    /// an hourly poll never approaches.
    /// </summary>
    public const int FundingInfo = 0;

    /// <summary><c>GET /fapi/v1/depth</c> by limit: ≤50: 2, ≤100: 5, ≤500: 10, else (1000): 20.</summary>
    public static int Depth(int limit) => limit switch { <= 50 => 2, <= 100 => 5, <= 500 => 10, _ => 20 };

    /// <summary><c>GET /fapi/v1/premiumIndex</c>: 1 for one symbol, 10 for all.</summary>
    public static int PremiumIndex(bool oneSymbol) => oneSymbol ? 1 : 10;

    /// <summary><c>GET /fapi/v1/ticker/24hr</c>: 1 for one symbol, 40 for all.</summary>
    public static int Ticker24h(bool oneSymbol) => oneSymbol ? 1 : 40;
}
