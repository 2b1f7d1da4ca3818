using Screener.Sim.Server;

namespace Screener.Sim.Tests.Support;

/// <summary>One running exchange per test class (classes run in parallel, each on its own ephemeral port).</summary>
public sealed class ExchangeFixture : Xunit.IAsyncLifetime
{
    public SimExchange Exchange { get; private set; } = null!;

    public async Task InitializeAsync() => Exchange = await SimExchange.StartAsync(new SimSettings { Seed = 7 });

    public async Task DisposeAsync() => await Exchange.DisposeAsync();
}
