namespace Screener.Sim.Journal;

/// <summary>The connection came up (also written at a planned rotation to a fresh connection).</summary>
public sealed record SimConnectedFrame(string ConnectionId, long TsInit) : SimJournalFrame(ConnectionId, TsInit);
