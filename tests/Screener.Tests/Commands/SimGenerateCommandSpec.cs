using System.Text.RegularExpressions;
using Akka.Streams;
using Akka.Streams.Dsl;
using Screener.Generate;
using static Screener.Tests.Commands.CliProcess;

namespace Screener.Tests.Commands;

public sealed class SimGenerateCommandSpec
{
    [Fact]
    public async Task Sim_generate_must_write_a_journal_with_its_episode_table_and_report_simulated_hours_per_wall_minute()
    {
        var db = JournalFixture.TempDb("cli.db");

        var (exitCode, stdout, stderr) = await RunAsync("sim", "--generate", "--hours", "0.02", "--db", db, "--symbols", "3", "--seed", "7");

        Assert.True(exitCode == 0, stderr);
        Assert.Matches(@"simulated hours:\s+0\.020", stdout);
        var speed = Regex.Match(stdout, @"speed:\s+(\d+\.\d+) simulated hours per wall minute");
        Assert.True(speed.Success, stdout);
        Assert.True(double.Parse(speed.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Matches(@"0\.020 / 0\.020 simulated h, [\d,]+ frames", stderr);
        var reported = long.Parse(Regex.Match(stdout, @"frames:\s+([\d,]+)").Groups[1].Value.Replace(",", ""));

        var frames = await JournalFixture.WithSystemAsync(db, (system, reader) => reader.RawFrames("s0").RunWith(Sink.Seq<Contracts.RawFrame>(), system.Materializer()));
        Assert.Equal(reported, frames.Count);
        Assert.True(frames.Count > 3_000);
        var run = EpisodeTable.ReadRun(db);
        Assert.Equal(("7", "3", "4"), (run["seed"], run["symbols"], run["episode_rate_per_symbol_hour"]));
        // The default episodes wait out a 5 min warm-up, so 72 simulated seconds plant none; the table is there all the same.
        Assert.Empty(EpisodeTable.Read(db));
    }

    [Theory]
    [InlineData("--generate needs --hours", "sim", "--generate", "--db", "{db}")]
    [InlineData("--generate needs --db", "sim", "--generate", "--hours", "1")]
    [InlineData("--hours must be positive", "sim", "--generate", "--hours", "0", "--db", "{db}")]
    [InlineData("--hours expects a number", "sim", "--generate", "--hours", "soon", "--db", "{db}")]
    [InlineData("--hours needs --generate", "sim", "--hours", "1", "--db", "{db}")]
    [InlineData("--port does not apply to --generate", "sim", "--generate", "--hours", "1", "--db", "{db}", "--port", "9100")]
    [InlineData("--episode-rate must be 0..3600", "sim", "--generate", "--hours", "1", "--db", "{db}", "--episode-rate", "-1")]
    [InlineData("exists; --generate writes a new journal", "sim", "--generate", "--hours", "1", "--db", "{existing}")]
    public async Task Sim_generate_must_refuse_bad_usage_with_exit_code_2(string message, params string[] args)
    {
        var existing = JournalFixture.TempDb("existing.db");
        await File.WriteAllTextAsync(existing, "");
        var db = JournalFixture.TempDb("never.db");

        var (exitCode, _, stderr) = await RunAsync(args.Select(a => a.Replace("{db}", db).Replace("{existing}", existing)).ToArray());

        Assert.Equal(2, exitCode);
        Assert.Contains(message, stderr);
        Assert.False(File.Exists(db));
    }
}
