namespace Screener.Contracts;

/// <summary>
/// Asks the exchange adapter for a fresh order-book snapshot of one symbol (after a gap). Non-blocking: the
/// adapter queues the request behind its REST rate limiter and delivers the snapshot as a frame, so it is
/// journaled and a replay needs no requester.
/// </summary>
public interface ISnapshotRequester
{
    void RequestSnapshot(string symbol, string reason);
}
