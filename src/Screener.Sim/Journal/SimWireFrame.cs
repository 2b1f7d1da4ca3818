namespace Screener.Sim.Journal;

/// <summary>A WebSocket text frame exactly as the exchange sent it (a bare payload: the node subscribes on <c>/ws</c>).</summary>
public sealed record SimWireFrame(string ConnectionId, long TsInit, byte[] Payload) : SimJournalFrame(ConnectionId, TsInit);
