using Screener.Sim.Server;

namespace Screener.Sim.Tests.Support;

/// <summary>
/// An exchange whose clock starts on a UTC minute, so REST weight windows cannot reset during a test class
/// that finishes within the minute (the weight header is then an exact running total).
/// </summary>
public sealed class MinuteStartFixture : Xunit.IAsyncLifetime
{
    public const long StartMs = 1_791_382_980_000;

    public SimExchange Exchange { get; private set; } = null!;

    public async Task InitializeAsync() => Exchange = await SimExchange.StartAsync(new SimSettings { Seed = 11, StartTimeMs = StartMs });

    public async Task DisposeAsync() => await Exchange.DisposeAsync();
}
