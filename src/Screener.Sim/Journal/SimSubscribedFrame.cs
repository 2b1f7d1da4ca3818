namespace Screener.Sim.Journal;

/// <summary>LIST_SUBSCRIPTIONS confirmed every planned stream of the connection: the node now counts it as up.</summary>
public sealed record SimSubscribedFrame(string ConnectionId, long TsInit, IReadOnlyList<string> Streams) : SimJournalFrame(ConnectionId, TsInit);
