namespace Screener.Sim.Server;

/// <summary>
/// Exchange-wide event counters, bumped with <see cref="Interlocked"/> from request, socket and pump threads
/// and read by tests through <see cref="SimExchange"/>. Fields rather than properties so they can be passed by ref.
/// </summary>
internal sealed class ExchangeCounters
{
    public long RestRequests;
    public long RestBeforeRetryAfter;
    public long Rest429;
    public long Rest418;
    public long WsRefusedWhileBanned;
    public long WsClosedForBan;
    public long MessageRateCloses;
    public long SubscriptionLimitCloses;
    public long UncarriedSubscriptions;

    public long DisconnectsForced;
    public long GapsInjected;
    public long FramesSilenced;
    public long MalformedSent;
    public long Storm429s;
    public long Fault418s;
    public long FramesDelayed;
    public long WritesPaused;
    public long LifetimesCut;

    public static void Bump(ref long counter) => Interlocked.Increment(ref counter);

    public static void Add(ref long counter, long amount) => Interlocked.Add(ref counter, amount);

    public Faults.SimFaultCounters FaultSnapshot() => new(
        Interlocked.Read(ref DisconnectsForced),
        Interlocked.Read(ref GapsInjected),
        Interlocked.Read(ref FramesSilenced),
        Interlocked.Read(ref MalformedSent),
        Interlocked.Read(ref Storm429s),
        Interlocked.Read(ref Fault418s),
        Interlocked.Read(ref FramesDelayed),
        Interlocked.Read(ref WritesPaused),
        Interlocked.Read(ref LifetimesCut));
}
