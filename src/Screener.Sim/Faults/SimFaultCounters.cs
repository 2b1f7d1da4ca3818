namespace Screener.Sim.Faults;

/// <summary>What the faults did so far, for tests and logs (a snapshot; read <see cref="Server.SimExchange.FaultCounters"/> again for fresh values).</summary>
/// <param name="DisconnectsForced">Sockets aborted by <c>disconnect-every</c> or <see cref="Server.SimExchange.DisconnectAll"/>.</param>
/// <param name="GapsInjected">depthUpdate events withheld by <c>gap-every</c>.</param>
/// <param name="FramesSilenced">Events withheld because their symbol is <c>silent</c> (counted once, not per subscriber).</param>
/// <param name="MalformedSent">Broken frames sent by <c>malformed-every</c> (per socket).</param>
/// <param name="Rest429StormReplies">REST calls answered 429 by <c>rest-429-storm</c>.</param>
/// <param name="Rest418FaultReplies">REST calls answered 418 during a <c>rest-418</c> ban.</param>
/// <param name="FramesDelayed">Outgoing frames held back by <c>slow</c>.</param>
/// <param name="WritesPaused">Socket writes (frames, pings) held back by <c>pause</c>.</param>
/// <param name="LifetimesCut">Connections closed at the end of their lifetime (<c>lifetime</c> or the 24 h default).</param>
public sealed record SimFaultCounters(
    long DisconnectsForced,
    long GapsInjected,
    long FramesSilenced,
    long MalformedSent,
    long Rest429StormReplies,
    long Rest418FaultReplies,
    long FramesDelayed,
    long WritesPaused,
    long LifetimesCut);
