namespace Screener.Sim.Faults;

/// <summary>
/// The live fault settings shared by the exchange's request handlers. It exists before the server starts
/// accepting requests, so a handler never observes a half-built exchange.
/// </summary>
internal sealed class FaultSwitch
{
    private volatile SimFaults _current;

    public FaultSwitch(SimFaults initial) => _current = initial;

    public SimFaults Current
    {
        get => _current;
        set => _current = value ?? throw new ArgumentNullException(nameof(value));
    }
}
