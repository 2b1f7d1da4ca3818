namespace Screener.Binance.Transport;

/// <summary>Leave to send one request, handed back to the gate with its outcome.</summary>
/// <param name="Endpoint">Endpoint path.</param>
/// <param name="Weight">Weight reserved for the request.</param>
/// <param name="WindowStartTicks">UTC start of the minute window the request was admitted in (0 when the gate keeps no windows).</param>
public readonly record struct RestPermit(string Endpoint, int Weight, long WindowStartTicks);
