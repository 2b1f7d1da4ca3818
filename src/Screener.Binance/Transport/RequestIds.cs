namespace Screener.Binance.Transport;

/// <summary>Increasing control-message ids of one connection, across its reconnects and rotations. Thread-safe.</summary>
internal sealed class RequestIds
{
    private long _next;

    /// <summary>Reserves <paramref name="count"/> consecutive ids and returns the first.</summary>
    public long Reserve(int count) => Interlocked.Add(ref _next, count) - count + 1;
}
