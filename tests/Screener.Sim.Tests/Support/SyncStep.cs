namespace Screener.Sim.Tests.Support;

/// <summary>Outcome of offering one diff to <see cref="ReferenceBook"/>.</summary>
internal enum SyncStep
{
    Dropped,
    Applied,
    Gap,
}
