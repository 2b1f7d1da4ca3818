using Screener.Sim.Server;

namespace Screener.Sim.Faults;

/// <summary>
/// The live fault settings shared by the exchange's request handlers, stamped with their activation time.
/// It exists before the server starts accepting requests, so a handler never observes a half-built exchange.
/// </summary>
internal sealed class FaultSwitch
{
    private readonly ExchangeClock _clock;
    private volatile ActiveFaults _active;

    public FaultSwitch(SimFaults initial, ExchangeClock clock)
    {
        _clock = clock;
        initial.Validate();
        _active = new ActiveFaults(initial, clock.NowMs);
    }

    public ActiveFaults Active => _active;

    public SimFaults Current
    {
        get => _active.Faults;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            value.Validate();
            _active = new ActiveFaults(value, _clock.NowMs);
        }
    }
}
