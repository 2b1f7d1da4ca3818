namespace Screener.Sim.Journal;

/// <summary>The node's keep-alive: no frame arrived for a heartbeat interval.</summary>
public sealed record SimHeartbeatFrame(long TsInit) : SimJournalFrame(SimHeartbeatFrame.Clock, TsInit)
{
    /// <summary>The connection id heartbeats carry.</summary>
    public const string Clock = "clock";
}
