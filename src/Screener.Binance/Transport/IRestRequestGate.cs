namespace Screener.Binance.Transport;

/// <summary>
/// The seam between <see cref="BinanceRestClient"/> and request budgeting. The client asks before every request
/// and reports every response; the gate may refuse by throwing. Today's implementation (<see cref="BanGuard"/>)
/// only enforces 418 bans; a weight-aware limiter and circuit breaker plug in here without touching the client.
/// </summary>
public interface IRestRequestGate
{
    /// <summary>Called before a request is sent; throws (for example <see cref="BinanceIpBannedException"/>) to refuse it.</summary>
    /// <param name="endpoint">Path of the endpoint, for example <c>/fapi/v1/depth</c>.</param>
    /// <param name="weight">Binance request weight of this call.</param>
    void BeforeRequest(string endpoint, int weight);

    /// <summary>Called after every response, successful or not.</summary>
    /// <param name="endpoint">Path of the endpoint.</param>
    /// <param name="statusCode">HTTP status.</param>
    /// <param name="usedWeight1m"><c>X-MBX-USED-WEIGHT-1M</c>: the IP's weight used in the current minute, when sent.</param>
    /// <param name="retryAfter"><c>Retry-After</c>, when sent (429 and 418).</param>
    /// <param name="message">Binance's <c>msg</c> on errors (a 418 names the ban's end).</param>
    void AfterResponse(string endpoint, int statusCode, int? usedWeight1m, TimeSpan? retryAfter, string? message);
}
