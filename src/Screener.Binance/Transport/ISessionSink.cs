using Screener.Contracts;

namespace Screener.Binance.Transport;

/// <summary>Where a <see cref="ConnectionSession"/> hands its frames: the connection life that decides what is emitted.</summary>
internal interface ISessionSink
{
    /// <summary>
    /// Called once the handshake succeeded and before the first frame is read, so whatever it emits comes ahead of
    /// the session's frames.
    /// </summary>
    /// <param name="session">The session that opened.</param>
    /// <param name="cancellationToken">The session's token.</param>
    ValueTask OpenedAsync(ConnectionSession session, CancellationToken cancellationToken);

    /// <summary>Called on the session's receive loop for every complete frame, in order; may wait (backpressure).</summary>
    /// <param name="session">The session that received it.</param>
    /// <param name="frame">The frame, kind WebSocket.</param>
    /// <param name="isData">False for control replies (SUBSCRIBE acknowledgements, LIST_SUBSCRIPTIONS answers, errors).</param>
    /// <param name="cancellationToken">The session's token: cancelled when the session ends.</param>
    ValueTask OfferAsync(ConnectionSession session, RawFrame frame, bool isData, CancellationToken cancellationToken);
}
