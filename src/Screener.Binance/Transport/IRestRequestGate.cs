namespace Screener.Binance.Transport;

/// <summary>
/// The seam between <see cref="BinanceRestClient"/> and request budgeting. The client acquires a permit before every
/// request (the gate may wait, asynchronously, or refuse by throwing) and reports how that request ended.
/// Implementations: <see cref="BanGuard"/> (418 bans only) and <see cref="RestWeightLimiter"/> (weight budget,
/// Retry-After, circuit breaker and bans).
/// </summary>
public interface IRestRequestGate
{
    /// <summary>Waits until a request of <paramref name="weight"/> may be sent; throws to refuse it.</summary>
    /// <param name="endpoint">Path of the endpoint, for example <c>/fapi/v1/depth</c>.</param>
    /// <param name="weight">Binance request weight of this call (<see cref="RestWeights"/>).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="BinanceIpBannedException">Refused: the IP is banned (418).</exception>
    /// <exception cref="BinanceCircuitOpenException">Refused: the circuit breaker is open after repeated 429s.</exception>
    /// <exception cref="OperationCanceledException">The wait was cancelled.</exception>
    ValueTask<RestPermit> AcquireAsync(string endpoint, int weight, CancellationToken cancellationToken);

    /// <summary>Called after every response, successful or not.</summary>
    /// <param name="permit">The permit the request was sent under.</param>
    /// <param name="statusCode">HTTP status.</param>
    /// <param name="usedWeight1m"><c>X-MBX-USED-WEIGHT-1M</c>: the IP's weight used in the current minute, when sent.</param>
    /// <param name="retryAfter"><c>Retry-After</c>, when sent (429 and 418).</param>
    /// <param name="message">Binance's <c>msg</c> on errors (a 418 names the ban's end).</param>
    void OnResponse(RestPermit permit, int statusCode, int? usedWeight1m, TimeSpan? retryAfter, string? message);

    /// <summary>Called when a request got no response (network error, timeout, cancellation).</summary>
    void OnNoResponse(RestPermit permit);
}
