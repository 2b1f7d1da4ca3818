namespace Screener.Binance.Transport;

/// <summary>
/// A connection ended (closed by the server, lost, failed to connect or went silent). It fails the inner
/// source so the surrounding RestartSource reconnects with backoff; it only reaches the graph once the restart
/// budget is spent.
/// </summary>
public sealed class BinanceConnectionException : Exception
{
    /// <summary>Creates the exception for <paramref name="connectionId"/>.</summary>
    public BinanceConnectionException(string connectionId, string reason, Exception? cause = null)
        : base($"{connectionId}: {reason}", cause)
    {
        ConnectionId = connectionId;
        Reason = reason;
    }

    /// <summary>The connection that ended.</summary>
    public string ConnectionId { get; }

    /// <summary>The cause, as also recorded in <see cref="ConnectionCounters.LastDisconnectReason"/>.</summary>
    public string Reason { get; }
}
