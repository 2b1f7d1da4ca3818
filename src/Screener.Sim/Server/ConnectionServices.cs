using Microsoft.Extensions.Logging;
using Screener.Sim.Faults;

namespace Screener.Sim.Server;

/// <summary>What every <see cref="SimConnection"/> shares with the exchange.</summary>
internal sealed record ConnectionServices(
    SimSettings Settings,
    StreamHub Hub,
    ConnectionRegistry Registry,
    ExchangeClock Clock,
    FaultSwitch Faults,
    ExchangeCounters Counters,
    ILogger Logger,
    BlastTape? Blast = null);
