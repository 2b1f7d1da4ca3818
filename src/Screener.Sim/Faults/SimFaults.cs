namespace Screener.Sim.Faults;

/// <summary>
/// Fault injection switches of the simulated exchange. Only faults that are implemented appear here; the
/// exchange reads the current value on every request, so tests can change it while clients are connected
/// (<see cref="Server.SimExchange.Faults"/>). A forced disconnect is an action, <see cref="Server.SimExchange.DisconnectAll"/>.
/// </summary>
public sealed record SimFaults
{
    /// <summary>No faults.</summary>
    public static SimFaults None { get; } = new();

    /// <summary>
    /// Delay added to every REST response after its content is computed, so a depth snapshot arrives
    /// older than the diffs the client buffered meanwhile (the case a resync procedure must survive).
    /// </summary>
    public TimeSpan RestLatency { get; init; } = TimeSpan.Zero;
}
