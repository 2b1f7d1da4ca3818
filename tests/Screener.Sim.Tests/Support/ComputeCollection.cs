namespace Screener.Sim.Tests.Support;

/// <summary>
/// Specs that step the market for many simulated minutes run alone, after the socket specs: on two cores their CPU would
/// otherwise delay the frames that timing-sensitive fault and server specs measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ComputeCollection
{
    public const string Name = "compute";
}
