namespace Screener.Sim.Market;

/// <summary>
/// One wire event: the stream it belongs to (exact fstream name, e.g. <c>btcusdt@depth@100ms</c>) and the
/// bare UTF-8 JSON payload. The server sends the payload as is on raw connections and wraps it as
/// <c>{"stream":…,"data":…}</c> on combined ones.
/// </summary>
/// <param name="Stream">Stream name.</param>
/// <param name="Payload">Compact JSON payload; shared, never mutate.</param>
public sealed record SimEvent(string Stream, byte[] Payload)
{
    /// <summary>The payload as text (tests and logs).</summary>
    public string PayloadText => System.Text.Encoding.UTF8.GetString(Payload);
}
