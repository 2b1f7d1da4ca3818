namespace Screener.Tests.EndToEnd;

/// <summary>One 20-second demo run (seed 42, SQLite journal in a temp folder), shared by the specs that inspect it.</summary>
public sealed class DemoRunFixture : IAsyncLifetime
{
    public string Db { get; } = JournalFixture.TempDb("demo.db");

    public int ExitCode { get; private set; } = -1;

    public async Task InitializeAsync() =>
        ExitCode = await Program.Main(["demo", "--duration", "20s", "--db", Db, "--plain", "--seed", "42"]);

    public Task DisposeAsync() => Task.CompletedTask;
}
