namespace Screener.Binance.Transport;

/// <summary>A successful REST response kept as raw bytes, so it can be journaled exactly as received.</summary>
/// <param name="Endpoint">Endpoint path, for example <c>/fapi/v1/depth</c>.</param>
/// <param name="Body">Response body (decompressed), verbatim.</param>
/// <param name="UsedWeight1m"><c>X-MBX-USED-WEIGHT-1M</c>: the IP's weight used this minute, when sent.</param>
public sealed record RawRestResponse(string Endpoint, byte[] Body, int? UsedWeight1m);
