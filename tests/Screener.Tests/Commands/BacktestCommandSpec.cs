namespace Screener.Tests.Commands;

/// <summary><c>screener backtest</c> on a generated session, as a user runs it, and its refusals.</summary>
[Collection(NodeCollection.Name)]
public sealed class BacktestCommandSpec
{
    [Fact]
    public async Task Backtest_must_report_the_model_and_the_baseline_on_the_planted_episodes_of_a_generated_session()
    {
        var db = JournalFixture.TempDb("backtest.db");
        var generate = await CliProcess.RunAsync("sim", "--generate", "--hours", "0.5", "--symbols", "6", "--seed", "3", "--episode-rate", "20", "--db", db);
        Assert.True(generate.ExitCode == 0, generate.Stderr);

        var (exit, stdout, stderr) = await CliProcess.RunAsync("backtest", "--db", db, "--warm-up", "2m");

        Assert.True(exit == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var model = Assert.Single(lines, l => l.StartsWith("0.1.0+", StringComparison.Ordinal));
        var baseline = Assert.Single(lines, l => l.StartsWith("baseline-volflow-v1", StringComparison.Ordinal));
        var judged = int.Parse(model.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        Assert.True(judged > 0, $"expected fired episodes to judge:\n{stdout}");
        Assert.Equal(judged, int.Parse(baseline.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]));
        Assert.Contains("planted episodes", stdout);
        Assert.Contains("frames in", stderr);
    }

    [Fact]
    public async Task Backtest_must_refuse_a_journal_without_planted_episodes_and_a_missing_model()
    {
        var missing = await CliProcess.RunAsync("backtest", "--db", Path.Combine(Path.GetTempPath(), "no-such-journal.db"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("No journal", missing.Stderr);

        var db = JournalFixture.TempDb("backtest-plain.db");
        var generate = await CliProcess.RunAsync("sim", "--generate", "--hours", "0.05", "--symbols", "3", "--episode-rate", "0", "--db", db);
        Assert.True(generate.ExitCode == 0, generate.Stderr);
        var model = await CliProcess.RunAsync("backtest", "--db", db, "--model", Path.Combine(Path.GetTempPath(), "no-such-model"));
        Assert.Equal(2, model.ExitCode);
        Assert.Contains("no-such-model", model.Stderr);

        var plain = await CliProcess.RunAsync("backtest", "--db", db);
        Assert.Equal(2, plain.ExitCode);
        Assert.Contains("no planted episodes", plain.Stderr);
    }
}
