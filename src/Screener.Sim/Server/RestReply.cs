namespace Screener.Sim.Server;

/// <summary>An HTTP status and JSON body.</summary>
internal readonly record struct RestReply(int Status, byte[] Body);
