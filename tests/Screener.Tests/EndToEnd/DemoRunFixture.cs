namespace Screener.Tests.EndToEnd;

/// <summary>
/// One 20-second demo run (seed 42, SQLite journal in a temp folder), shared by the specs that inspect it. Its ranking
/// thresholds are low (<see cref="Overrides"/>), so a session this short surely enters symbols whatever the market does
/// in it; the specs are about what is journaled and replayed, not about the thresholds.
/// </summary>
public sealed class DemoRunFixture : IAsyncLifetime
{
    public const string Overrides = "screener.ranking { enter-score = 2.0, exit-score = 0.0 }";

    public string Db { get; } = JournalFixture.TempDb("demo.db");

    public int ExitCode { get; private set; } = -1;

    public async Task InitializeAsync()
    {
        var config = Path.Combine(Path.GetDirectoryName(Db)!, "demo-overrides.conf");
        await File.WriteAllTextAsync(config, Overrides);
        ExitCode = await Program.Main(["demo", "--duration", "20s", "--db", Db, "--plain", "--seed", "42", "--config", config]);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
